import { afterEach } from 'vitest';
import { createAppContext, type AppContext, type AppContextOptions } from '../../src-main/app-context';

/**
 * Opens app contexts that are closed after each test (before its temp dir is removed, because
 * useTempDirs' afterEach is registered first and vitest runs afterEach hooks in reverse order).
 */
export function useAppContexts(): (options: AppContextOptions) => AppContext {
  const open: AppContext[] = [];
  afterEach(() => {
    for (const context of open.splice(0)) {
      try {
        context.close();
      } catch {
        // Already closed by the test.
      }
    }
  });
  return (options) => {
    const context = createAppContext(options);
    open.push(context);
    return context;
  };
}
