import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'acd-link-studio';

/**
 * Where the workspace, secrets and logs live: `ACD_LINK_HOME` when set (tests, portable installs),
 * otherwise the OS's per-user application folder, the same one Electron's `appData` points at.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = env.ACD_LINK_HOME?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME?.trim() || path.join(home, '.config'), APP_FOLDER_NAME);
}

export const WORKSPACE_FILE_NAME = 'workspace.sqlite';

export function defaultWorkspaceFile(dataDir: string): string {
  return path.join(dataDir, WORKSPACE_FILE_NAME);
}
