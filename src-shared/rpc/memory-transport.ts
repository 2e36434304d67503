import type { Transport } from './client';
import type { Dispatch } from './dispatcher';

export interface EventHub {
  emit(name: string, payload: unknown): void;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  return {
    emit: (name, payload) => listeners.forEach((listener) => listener(name, payload)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * In-process transport for unit tests. It round-trips through JSON like the real transports do,
 * so a value that would not survive IPC or WebSocket fails here too.
 */
export function createMemoryTransport(dispatch: Dispatch, hub: EventHub): Transport {
  return {
    invoke: async (method, input) => {
      const wireInput: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
      return JSON.parse(JSON.stringify(await dispatch(method, wireInput)));
    },
    onEvent: (listener) => hub.subscribe((name, payload) => listener(name, JSON.parse(JSON.stringify(payload)))),
  };
}
