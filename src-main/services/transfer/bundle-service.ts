import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { exportBundle, importBundle, planBundle } from '../../transfer/bundle';
import { ServiceError } from '../../../src-shared/rpc/result';
import type { Workspace } from '../workspace';
import type { ExportStager } from './stage-export';

/** Workspace bundles: versioned JSON, secrets only with a passphrase. */
export class BundleService {
  constructor(
    private readonly ws: Workspace,
    private readonly stage: ExportStager,
    private readonly appVersion: string,
    private readonly changed: (reason: string) => void,
  ) {}

  export(input: ParsedInputOf<'bundle.export'>): OutputOf<'bundle.export'> {
    if (input.systemIds !== undefined) {
      const missing = input.systemIds.filter((id) => this.ws.systems.get(id) === undefined);
      if (missing.length > 0)
        throw new ServiceError('NOT_FOUND', 'One of the chosen systems no longer exists; refresh and choose again.');
    }
    const { text, notes } = exportBundle(this.ws, {
      ...(input.systemIds ? { systemIds: input.systemIds } : {}),
      ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      appVersion: this.appVersion,
    });
    const day = new Date().toISOString().slice(0, 10);
    return { ...this.stage(`acd-link-workspace-${day}.json`, text), notes };
  }

  plan(content: string): OutputOf<'bundle.plan'> {
    return planBundle(this.ws, content);
  }

  import(input: ParsedInputOf<'bundle.import'>): OutputOf<'bundle.import'> {
    const created = importBundle(this.ws, input.content, {
      ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      resolutions: input.resolutions,
      passwords: input.passwords,
    });
    this.changed('bundle.import');
    return created;
  }
}
