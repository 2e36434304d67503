import type { Connection, Integration, VendorInterface } from '../../../src-shared/contract/model';
import type { PlannedIntegration, TransferNote } from '../../../src-shared/contract/transfer';
import type { Dialect } from '../../../src-shared/sql/dialect';
import type { IniEncoding } from './read/decode-ini-bytes';

export interface XlinkSystemPlan {
  /** The section name as written. */
  section: string;
  /** The system name: the section name, trimmed. */
  name: string;
  /** 'universal' for universal-interface sections, 'avaya-cms' etc. when recognisable, else 'other'. */
  vendor: VendorInterface;
  dsn: string | null;
  user: string | null;
  /** ODBC, e.g. "DSN=AvayaCMS;UID=reader;": never a password. */
  connectionString: string;
  integrations: PlannedIntegration[];
}

export interface XlinkPlanResult {
  encoding: IniEncoding;
  systems: XlinkSystemPlan[];
  notes: TransferNote[];
}

export interface XlinkPlanInput {
  ini: Uint8Array;
  acdMap?: Uint8Array;
  /** The SQL dialect behind a DSN (the caller looks up the DSN's driver); default 'generic'. */
  dialectForDsn?: (dsn: string) => Dialect;
}

export interface XlinkExportSystem {
  name: string;
  vendor: VendorInterface;
  timeZone: string;
  connection: Connection;
  integrations: Integration[];
}

export interface XlinkExportOptions {
  generatedAt: Date;
  appVersion: string;
}

export interface XlinkExportResult {
  /** Windows-1252 with CRLF line endings: what Xlink's GetPrivateProfileString reads. */
  bytes: Uint8Array;
  /** The same content as text (after any replacement of characters Windows-1252 lacks). */
  text: string;
  notes: TransferNote[];
}
