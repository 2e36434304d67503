import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { exportBundle } from '../../transfer/bundle';
import { ServiceError } from '../../../src-shared/rpc/result';
import type { Workspace } from '../workspace';
import type { RunImport } from './import-runner';
import type { ExportStager } from './stage-export';

/** Workspace bundles: versioned JSON, secrets only with a passphrase. */
export class BundleService {
  constructor(
    private readonly ws: Workspace,
    private readonly stage: ExportStager,
    private readonly appVersion: string,
    private readonly changed: (reason: string) => void,
    /** Reading, checking and writing a bundle run on a worker thread: a big one takes seconds. */
    private readonly runImport: RunImport,
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

  async plan(input: ParsedInputOf<'bundle.plan'>): Promise<OutputOf<'bundle.plan'>> {
    return (await this.runImport(
      { kind: 'bundle.plan', content: input.content },
      input.runId,
    )) as OutputOf<'bundle.plan'>;
  }

  async import(input: ParsedInputOf<'bundle.import'>): Promise<OutputOf<'bundle.import'>> {
    const options = {
      ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      resolutions: input.resolutions,
      passwords: input.passwords,
    };
    const created = await this.runImport({ kind: 'bundle.import', content: input.content, options }, input.runId);
    this.changed('bundle.import');
    return created as OutputOf<'bundle.import'>;
  }
}
