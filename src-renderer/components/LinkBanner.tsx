import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/store-context';

/** Says when the services cannot be reached (and when they are back), and when operations queue. */
export function LinkBanner() {
  const { t } = useTranslation();
  const link = useAppStore((state) => state.link);
  const driverLoad = useAppStore((state) => state.driverLoad);
  const dismiss = useAppStore((state) => state.dismissReconnected);
  return (
    <>
      {link === 'reconnecting' && (
        <div className="banner error" role="alert">
          {t('link.lost')}
        </div>
      )}
      {link === 'reconnected' && (
        <div className="banner" role="status">
          {t('link.back')}{' '}
          <button type="button" onClick={dismiss}>
            {t('link.dismiss')}
          </button>
        </div>
      )}
      {driverLoad && driverLoad.waiting > 0 && (
        <div className="banner" role="status">
          {t('link.driversWaiting', {
            count: driverLoad.waiting,
            running: driverLoad.running,
            limit: driverLoad.limit,
          })}
        </div>
      )}
    </>
  );
}
