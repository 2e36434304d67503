import type { RpcError } from '../../../src-shared/rpc/result';
import type { AnswerPart } from './answer-parts';
import type { XlinkUpload } from './xlink-jobs';
import type { SealedSecret } from '../../secrets/secret-store';
import type { ImportOptions } from '../apply-import';
import type { BundleImportOptions } from '../bundle';
import type { ImportPhase } from '../import-progress';

/** One import step that reads a file or writes many systems: what a worker thread runs. */
export type ImportJob =
  | { kind: 'bundle.plan'; content: string }
  | { kind: 'bundle.import'; content: string; options: BundleImportOptions }
  /** Xlink's files; `driversByDsn` is the driver behind each DSN this machine knows (lower-cased). */
  | { kind: 'xlink.plan'; upload: XlinkUpload; driversByDsn: Record<string, string> }
  | {
      kind: 'xlink.import';
      upload: XlinkUpload;
      driversByDsn: Record<string, string>;
      /** Xlink kept none: the zone the systems get. */
      timeZone: string;
      options: ImportOptions;
    };

/** What the worker is started with (workerData). */
export interface WorkerStart {
  job: ImportJob;
  /** The workspace the main thread has open and migrated; the worker opens its own connection. */
  workspaceFile: string;
  /** The store version the main thread opened; the worker refuses any other. */
  storeVersion: number;
}

/**
 * What the worker sends: `started` first, any number of `progress`, at most one `seal` (it is
 * ready to write and needs the passwords encrypted by the main thread's cipher), then exactly
 * one of `done` (after the `part`s of its long lists), `refused` (an expected failure, as the
 * dispatcher would answer it) or `failed`.
 */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'seal'; passwords: Array<string | undefined> }
  | { type: 'part'; part: AnswerPart }
  | { type: 'done'; value: unknown }
  | { type: 'refused'; error: RpcError }
  | { type: 'failed'; message: string };

/** The main thread's answer to `seal` (one entry per password, in order), and its request for the next `part`. */
export type MainMessage = { type: 'sealed'; sealed: Array<SealedSecret | undefined> } | { type: 'next-part' };
