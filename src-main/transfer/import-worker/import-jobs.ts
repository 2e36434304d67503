import type { CreatedItems } from '../../../src-shared/contract/transfer';
import type { SealedSecret } from '../../secrets/secret-store';
import { prepareImport, writeInTransaction, type PreparedImport } from '../apply-import';
import { planBundleText, prepareBundleImport } from '../bundle';
import type { ImportProgress } from '../import-progress';
import type { ImportTables } from '../import-writer';
import type { ImportJob } from './protocol';
import { readXlinkUpload, xlinkImportSystems, xlinkPlanAnswer, xlinkZoneNote } from './xlink-jobs';

/** Where a job runs: a worker thread with its own connection, or (as a fallback) the main thread. */
export interface JobEnvironment {
  /** Encrypts with the workspace's cipher, which may work only on the main thread. */
  seal(passwords: Array<string | undefined>): Promise<Array<SealedSecret | undefined>>;
  /** Runs `use` on the workspace's tables, through a connection of this thread. */
  withTables<T>(use: (tables: ImportTables) => T): T;
  progress: ImportProgress;
}

/**
 * Runs one job: reads and checks everything first, then seals the passwords, then writes in one
 * immediate transaction. A refusal (ServiceError) is thrown before anything is written.
 */
export async function runImportJob(job: ImportJob, env: JobEnvironment): Promise<unknown> {
  const storedNameKeys = () => env.withTables((tables) => tables.systems.idsByNameKey());
  switch (job.kind) {
    case 'bundle.plan':
      return planBundleText(job.content, storedNameKeys(), env.progress);
    case 'bundle.import':
      return write(prepareBundleImport(job.content, job.options, env.progress), env);
    case 'xlink.plan':
      return xlinkPlanAnswer(readXlink(job, env), storedNameKeys());
    case 'xlink.import': {
      const plan = readXlink(job, env);
      const systems = xlinkImportSystems(plan, job.timeZone);
      const created = await write(prepareImport(systems, job.options, env.progress), env);
      return { ...created, notes: [...plan.notes, ...(systems.length > 0 ? [xlinkZoneNote(job.timeZone)] : [])] };
    }
  }
}

/** Reading the files is one step, reported at its start and end. */
function readXlink(job: Extract<ImportJob, { kind: 'xlink.plan' | 'xlink.import' }>, env: JobEnvironment) {
  env.progress('reading', 0, 1);
  const plan = readXlinkUpload(job.upload, job.driversByDsn);
  env.progress('reading', 1, 1);
  return plan;
}

async function write(prepared: PreparedImport, env: JobEnvironment): Promise<CreatedItems> {
  const sealed = await env.seal(prepared.passwords);
  return env.withTables((tables) => writeInTransaction(tables, prepared, sealed, env.progress));
}
