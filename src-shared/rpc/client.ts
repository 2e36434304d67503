import type { EventName, EventPayload, InputOf, Method, OutputOf } from '../contract/api';
import type { Result } from './result';

/**
 * Whether calls reach the services. Only the web mode's WebSocket can be lost (the host stopped,
 * a bad frame closed it); it then reconnects by itself and says `reconnected` when it is back.
 */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'reconnected';

/** What every transport provides: send one call, receive events. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Absent where the connection cannot be lost (Electron IPC, in memory). */
  onStatus?(listener: (status: ConnectionStatus) => void): () => void;
}

export interface ApiClient {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (status: ConnectionStatus) => void): () => void;
}

/**
 * Typed caller side. Outputs are trusted here because the dispatcher built them from the same
 * contract; inputs are checked on the other side.
 */
export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (method, input) => transport.invoke(method, input) as Promise<Result<OutputOf<typeof method>>>,
    on: (name, listener) =>
      transport.onEvent((eventName, payload) => {
        if (eventName === name) listener(payload as EventPayload<typeof name>);
      }),
    onConnection: (listener) => transport.onStatus?.(listener) ?? (() => undefined),
  };
}
