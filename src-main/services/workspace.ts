import type { Database } from 'better-sqlite3';
import { SecretStore } from '../secrets/secret-store';
import type { SecretCipher } from '../secrets/secret-cipher';
import { IntegrationsRepository } from '../store/integrations-repository';
import { openStore } from '../store/open-store';
import { SettingsRepository } from '../store/settings-repository';
import { SystemsRepository } from '../store/systems-repository';
import { ValidationHistoryRepository } from '../store/validation-history-repository';

/** One open workspace store and the repositories over it. */
export interface Workspace {
  readonly file: string;
  readonly db: Database;
  readonly systems: SystemsRepository;
  readonly integrations: IntegrationsRepository;
  readonly secrets: SecretStore;
  readonly settings: SettingsRepository;
  /** The last validation of each integration, for its hand-off sheet. */
  readonly validationHistory: ValidationHistoryRepository;
  close(): void;
}

export function openWorkspace(file: string, cipher: SecretCipher): Workspace {
  const db = openStore(file);
  return {
    file,
    db,
    systems: new SystemsRepository(db),
    integrations: new IntegrationsRepository(db),
    secrets: new SecretStore(db, cipher),
    settings: new SettingsRepository(db),
    validationHistory: new ValidationHistoryRepository(db),
    close: () => db.close(),
  };
}
