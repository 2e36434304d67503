import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * Appends lines to `<dataDir>/logs/acd-link.log`. Callers pass messages, never connection
 * objects or drafts, so no password can reach the file.
 */
export function createFileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'acd-link.log');
  const write = (level: string, message: string) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`, { mode: 0o600 });
    } catch {
      // Logging must never break the operation it describes.
    }
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write('ERROR', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
