import type { EventPayload } from '../../src-shared/contract/api';
import type { ApiClient, ConnectionStatus } from '../../src-shared/rpc/client';

export type DriverLoad = EventPayload<'drivers.load'>;

/** Whether the page reaches the services, and how busy the database driver processes are. */
export interface LinkSlice {
  link: ConnectionStatus;
  driverLoad?: DriverLoad;
  dismissReconnected(): void;
}

/**
 * Follows the transport's status and the host's `drivers.load` events. After a reconnection the
 * caller reloads what the page shows (events sent while the socket was down were missed).
 */
export function createLinkSlice(
  api: ApiClient,
  set: (partial: Partial<LinkSlice>) => void,
  get: () => LinkSlice,
  reload: () => void,
): LinkSlice {
  api.onConnection((link) => {
    set({ link });
    if (link === 'reconnected') reload();
  });
  api.on('drivers.load', (driverLoad) => set({ driverLoad }));
  return {
    link: 'connected',
    dismissReconnected: () => {
      if (get().link === 'reconnected') set({ link: 'connected' });
    },
  };
}
