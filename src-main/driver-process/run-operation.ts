import type { Connection } from '../../src-shared/contract/model';
import type { CancelTarget, DbSession, DriverModule } from '../drivers/db-session';
import { loadDriver } from '../drivers/registry';
import type { DriverRequest, DriverResponse } from './protocol';
import { ExportFileError, runRowsExport } from './run-export';
import { runFullValidation } from './run-validation';

export interface TestValue {
  serverVersion: string;
  writeAccess: Awaited<ReturnType<DbSession['writeAccess']>>;
}

/** One operation on a fresh session, classified into a response; runs inside the driver process. */
export async function runOperation(
  request: DriverRequest,
  onStarted: (cancelTarget: CancelTarget | null) => void = () => undefined,
  onProgress: (rowsRead: number, rowsChecked: number) => void = () => undefined,
): Promise<DriverResponse> {
  const { connection, password, timeoutMs, operation } = request;
  let driver: DriverModule;
  try {
    driver = (await loadDriver(connection.kind)) as DriverModule;
  } catch (error) {
    // odbc is an optional dependency: without unixODBC's headers at install time npm skips it.
    const hint =
      connection.kind === 'odbc'
        ? ' Install unixODBC (Debian: apt install unixodbc unixodbc-dev), then run "npm install" again.'
        : '';
    return {
      ok: false,
      category: 'DRIVER_MISSING',
      message: `The ${connection.kind} driver could not be loaded: ${(error as Error).message}.${hint}`,
    };
  }
  let session: DbSession | undefined;
  try {
    session = await driver.connect(connection as Connection, password, { timeoutMs });
    onStarted(session.cancelTarget());
    switch (operation.op) {
      case 'test': {
        const value: TestValue = {
          serverVersion: await session.serverVersion(),
          writeAccess: await session.writeAccess(),
        };
        return { ok: true, value };
      }
      case 'schemas':
        return { ok: true, value: await session.listSchemas() };
      case 'tables':
        return { ok: true, value: await session.listTables(operation.schema) };
      case 'columns':
        return { ok: true, value: await session.listColumns(operation.schema, operation.table) };
      case 'preview':
        return {
          ok: true,
          value: await session.preview(operation.sql, {
            limit: operation.limit,
            timeoutMs: operation.statementTimeoutMs,
          }),
        };
      case 'validate':
        return {
          ok: true,
          value: await runFullValidation(
            session,
            operation.sql,
            operation.statementTimeoutMs,
            operation.options,
            onProgress,
          ),
        };
      case 'export':
        return {
          ok: true,
          value: await runRowsExport(
            session,
            operation.sql,
            operation.statementTimeoutMs,
            operation.job,
            password,
            onProgress,
          ),
        };
      case 'cancel':
        await session.cancelOther(operation.target);
        return { ok: true, value: null };
      default:
        return {
          ok: false,
          category: 'BAD_CONFIG',
          message: `Unknown driver operation ${JSON.stringify(operation satisfies never)}.`,
        };
    }
  } catch (error) {
    // The file, not the database, failed: the driver's classifier would misname it.
    if (error instanceof ExportFileError)
      return { ok: false, category: 'ERROR', message: scrub(error.message, password) };
    const classified = safeClassify(driver, error, connection);
    return { ok: false, ...classified, message: scrub(classified.message, password) };
  } finally {
    await session?.close().catch(() => undefined);
  }
}

function safeClassify(driver: DriverModule, error: unknown, connection: Connection) {
  try {
    return driver.classify(error, connection);
  } catch {
    return { category: 'ERROR' as const, message: 'The driver failed in an unexpected way.' };
  }
}

/** Last line of defence: whatever a driver echoed, the password does not leave the process. */
function scrub(message: string, password: string | undefined): string {
  return password && password.length > 0 ? message.split(password).join('***') : message;
}
