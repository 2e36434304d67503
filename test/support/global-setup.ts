import { ensureNodeBuild } from './node-build';

/**
 * Once before any test file: the Node bundles (CLI, web mode, driver process, import worker) are
 * rebuilt when a source is newer, so tests that start them, or the driver processes and workers
 * the services start, run the code as it stands.
 */
export default function setup(): void {
  ensureNodeBuild();
}
