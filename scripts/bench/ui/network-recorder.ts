import type { Page, Response } from 'playwright-core';
import { isJavaScript, jsFileSize, sumJsBytes, type JsBytes, type JsFileSize } from './js-bytes';

/**
 * Records every JavaScript response of a page (module chunks and worker scripts) and cuts the
 * record into phases: `phase()` returns what arrived since the previous call.
 */
export function recordJavaScript(page: Page) {
  let pending = new Set<Promise<JsFileSize | undefined>>();
  let inFlight = 0;
  let lastActivity = Date.now();
  const touch = () => (lastActivity = Date.now());
  page.on('request', () => {
    inFlight++;
    touch();
  });
  const settle = () => {
    inFlight--;
    touch();
  };
  page.on('requestfailed', settle);
  page.on('requestfinished', settle);
  page.on('response', (response) => {
    touch();
    if (!isJavaScript(response.headers()['content-type'], response.url())) return;
    pending.add(measure(response));
  });

  return {
    /** Waits until no request has been open or started for `quietMs`. */
    async quiet(quietMs = 500, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async phase(): Promise<JsBytes> {
      const current = pending;
      pending = new Set();
      const files = (await Promise.all(current)).filter((file): file is JsFileSize => file !== undefined);
      return sumJsBytes(files);
    },
  };
}

async function measure(response: Response): Promise<JsFileSize | undefined> {
  if (response.status() !== 200) return undefined;
  const body = await response.body();
  const sizes = await response.request().sizes();
  return jsFileSize(response.url(), body, sizes.responseBodySize);
}
