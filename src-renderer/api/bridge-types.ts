/** What src-preload/preload.ts exposes; absent in the browser, where the WebSocket transport is used. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}
