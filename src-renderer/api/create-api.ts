import { createApiClient, type ApiClient, type Transport } from '../../src-shared/rpc/client';
import type { Result } from '../../src-shared/rpc/result';
import { createWebSocketTransport, takeToken } from './websocket-transport';
import './bridge-types';

/**
 * The renderer's only way to the services: Electron's preload bridge when present, otherwise the
 * web-mode WebSocket. The same production bundle therefore runs in both and in the E2E tests.
 */
export function createApi(): ApiClient | { error: string } {
  const bridge = window.bridge;
  if (bridge) {
    const transport: Transport = {
      invoke: (method, input) => bridge.invoke(method, input) as Promise<Result<unknown>>,
      onEvent: (listener) => bridge.onEvent(listener),
    };
    return createApiClient(transport);
  }
  const token = takeToken();
  if (!token) return { error: 'missing-token' };
  return createApiClient(createWebSocketTransport(token));
}
