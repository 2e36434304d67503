import { scrubText } from '../shared/scrub-secret';
import { errorFacts, type ErrorFact } from './error-facts';
import type { SsrpFailureReason } from './ssrp-client';

/** The SQL Server Browser could not give a port for the named instance. */
export class SsrpLookupError extends Error {
  override readonly name = 'SsrpLookupError';
  constructor(
    readonly reason: SsrpFailureReason,
    readonly host: string,
    readonly instance: string,
    readonly knownInstances: readonly string[],
  ) {
    super(`SQL Server Browser lookup of ${host}\\${instance} failed: ${reason}`);
  }
}

/**
 * A tedious error reduced to password-free facts. The original is not kept (not even as `cause`):
 * its message and stack may quote the password, and errors get logged.
 */
export class MssqlFailure extends Error {
  readonly facts: readonly ErrorFact[];
  constructor(facts: readonly ErrorFact[], password: string | undefined, fallbackMessage: string) {
    const scrubbed = facts.map((fact) => ({ ...fact, message: scrubText(fact.message, password) }));
    super(scrubbed.find((fact) => fact.message !== '')?.message ?? fallbackMessage);
    this.facts = scrubbed;
  }
}

/**
 * A failed connect: what tedious threw, plus the error tokens the server sent during login. The
 * tokens matter because tedious keeps only the last one, and for an unknown database SQL Server
 * sends 4060 ("Cannot open database") first and 18456 ("Login failed") last.
 */
export class MssqlConnectError extends MssqlFailure {
  override readonly name = 'MssqlConnectError';
  constructor(
    error: unknown,
    serverErrors: readonly ErrorFact[],
    readonly host: string,
    readonly port: number,
    readonly instance: string | undefined,
    readonly timeoutMs: number,
    password: string | undefined,
  ) {
    super([...errorFacts(error), ...serverErrors], password, 'SQL Server connection failed');
  }
}

/** A failed request on an open session (a catalogue query). */
export class MssqlQueryError extends MssqlFailure {
  override readonly name = 'MssqlQueryError';
  constructor(error: unknown, password: string | undefined) {
    super(errorFacts(error), password, 'SQL Server request failed');
  }
}

/**
 * Encryption was asked for but the server's PRELOGIN answer declined it. Tedious then carries on
 * in clear text; Microsoft's own drivers refuse, and so do we.
 */
export class MssqlUnencryptedError extends Error {
  override readonly name = 'MssqlUnencryptedError';
  constructor(
    readonly host: string,
    readonly port: number,
    readonly instance: string | undefined,
  ) {
    super(`SQL Server at ${host}:${port} did not encrypt the connection`);
  }
}
