/** What src-preload/preload.ts exposes; absent in the browser, where the WebSocket transport is used. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /**
   * Shows the native save dialog for a staged export and copies it there. `saved` is false when
   * the dialog was closed, or, with `error`, when the file could not be written.
   */
  saveDownload(downloadId: string): Promise<{ saved: boolean; path?: string; error?: string }>;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}
