import { expect } from 'vitest';
import type { ClassifiedError, DbSession, DriverModule } from '../../../src-main/drivers/db-session';
import { loadDriver } from '../../../src-main/drivers/registry';
import type { FailureCategory } from '../../../src-shared/contract/connection-test';
import { CANARY_PASSWORD } from '../../support/databases';
import type { Attempt } from './driver-targets';

export const CONNECT_TIMEOUT_MS = 20_000;
/**
 * Every failure here is local and definite (refused, rejected, missing), so it must come back well
 * before the connect timeout: these are the answers a "Test connection" button gives. The margin
 * is wide on purpose: a driver that waited for its timeout takes 20 s, while a loaded machine may
 * slow a genuine fast failure to a few seconds, which must not fail the test.
 */
export const FAST_FAILURE_MS = 10_000;

/** How long each failing case took to come back, printed after the suite for the record. */
export const timings: { target: string; scenario: string; category: string; elapsedMs: number; message: string }[] = [];

async function driverFor(attempt: Attempt): Promise<DriverModule> {
  return (await loadDriver(attempt.connection.kind)) as DriverModule;
}

/** Connects through the registry, as the driver process does. */
export async function openSession(attempt: Attempt): Promise<DbSession> {
  const driver = await driverFor(attempt);
  return driver.connect(attempt.connection, attempt.password, { timeoutMs: CONNECT_TIMEOUT_MS });
}

/** Every string reachable from a thrown value: message, stack, driver fields, nested records. */
export function allText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || depth > 4) return String(value);
  const record = value as Record<string, unknown>;
  const keys = new Set([...Object.getOwnPropertyNames(record), 'message', 'stack', 'cause']);
  return [...keys].map((key) => allText(record[key], depth + 1)).join('\n');
}

/**
 * Connects and asks for the version, expecting a failure; returns the classification and checks
 * on the way that neither the thrown error nor the message carries the password.
 */
export async function expectFailure(
  attempt: Attempt,
  expected: FailureCategory,
  label: { target: string; scenario: string },
): Promise<ClassifiedError> {
  const driver = await driverFor(attempt);
  const started = performance.now();
  let thrown: unknown;
  let session: DbSession | undefined;
  try {
    session = await driver.connect(attempt.connection, attempt.password, { timeoutMs: CONNECT_TIMEOUT_MS });
    await session.serverVersion();
  } catch (error) {
    thrown = error;
  } finally {
    await session?.close();
  }
  const elapsedMs = Math.round(performance.now() - started);
  expect(thrown, 'the connection should have failed').toBeDefined();
  const classified = driver.classify(thrown, attempt.connection);
  timings.push({ ...label, category: classified.category, elapsedMs, message: classified.message });
  expect(allText(thrown)).not.toContain(CANARY_PASSWORD);
  expect(classified.message).not.toContain(CANARY_PASSWORD);
  expect(classified, classified.message).toMatchObject({ category: expected });
  expect(classified.message.length).toBeGreaterThan(20);
  expect(elapsedMs).toBeLessThan(FAST_FAILURE_MS);
  return classified;
}
