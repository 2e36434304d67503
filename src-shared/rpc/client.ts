import type { EventName, EventPayload, InputOf, Method, OutputOf } from '../contract/api';
import type { Result } from './result';

/** What every transport provides: send one call, receive events. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

export interface ApiClient {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
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
  };
}
