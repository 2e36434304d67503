import { useAppStore } from '../../stores/store-context';
import { BundleImportDialog } from './BundleImportDialog';
import { ExportDialog } from './ExportDialog';
import { XlinkImportDialog } from './XlinkImportDialog';

/** The one import or export dialog that is open; each opens fresh, with nothing left from last time. */
export function TransferDialogs() {
  const dialog = useAppStore((state) => state.transferDialog);
  switch (dialog?.kind) {
    case 'xlink-import':
      return <XlinkImportDialog />;
    case 'bundle-import':
      return <BundleImportDialog />;
    case 'export':
      return <ExportDialog key={dialog.format} initialFormat={dialog.format} />;
    default:
      return null;
  }
}
