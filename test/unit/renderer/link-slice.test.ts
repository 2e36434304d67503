import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../src-renderer/i18n/i18n';
import { createAppStore, type AppStore } from '../../../src-renderer/stores/app-store';
import { createApiClient, type ConnectionStatus, type Transport } from '../../../src-shared/rpc/client';
import { createMemoryTransport } from '../../../src-shared/rpc/memory-transport';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

// The page's word on its link to the services (LinkBanner shows these states): a lost and
// regained connection, and database operations waiting for a free driver process, from the real
// services' events.
const tempDir = useTempDirs('acd-link-slice-');
const openContext = useAppContexts();
const t = initI18n().t;

describe('the link state of the page', () => {
  it('counts the operations that wait for a driver process while a burst runs, and none after', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: true, maxDriverProcesses: 1 });
    const store = createAppStore(createApiClient(createMemoryTransport(context.dispatch, context.hub)));
    const [demo] = context.workspace.systems.list();
    const waiting: number[] = [];
    const unsubscribe = store.subscribe((state) => waiting.push(state.driverLoad?.waiting ?? 0));
    await Promise.all(Array.from({ length: 3 }, () => context.dispatch('connections.test', { systemId: demo?.id })));
    await expect.poll(() => store.getState().driverLoad).toEqual({ running: 0, waiting: 0, limit: 1 });
    unsubscribe();
    expect(Math.max(...waiting)).toBe(2);
    expect(t('link.driversWaiting', { count: 2, running: 1, limit: 1 })).toBe(
      '2 database operations are waiting for a free driver process (1 running, at most 1 at a time). They start by themselves.',
    );
  });

  it('follows a lost and regained connection, reloading the tree when it is back; Dismiss clears it', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: true });
    const statusListeners = new Set<(status: ConnectionStatus) => void>();
    const transport: Transport = {
      ...createMemoryTransport(context.dispatch, context.hub),
      onStatus: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    };
    const store: AppStore = createAppStore(createApiClient(transport));
    const report = (status: ConnectionStatus) => statusListeners.forEach((listener) => listener(status));

    report('reconnecting');
    expect(store.getState().link).toBe('reconnecting');
    // Something changed while the page could not hear about it: it reloads when it is back.
    await context.dispatch('systems.create', { name: 'Made while away', connection: { kind: 'sqlite', file: '/x' } });
    report('reconnected');
    expect(store.getState().link).toBe('reconnected');
    await expect.poll(() => store.getState().tree.map((system) => system.name)).toContain('Made while away');
    store.getState().dismissReconnected();
    expect(store.getState().link).toBe('connected');
  });
});
