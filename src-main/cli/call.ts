import type { AppContext } from '../app-context';
import type { InputOf, Method, OutputOf } from '../../src-shared/contract/api';
import { UsageError } from './cli-io';

/**
 * Calls a service through the same dispatcher as the UI. Invalid input and conflicts are the
 * user's to fix (exit 2); anything else is a failed operation.
 */
export async function callOrThrow<M extends Method>(
  context: AppContext,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const result = await context.dispatch(method, input);
  if (result.ok) return result.value as OutputOf<M>;
  if (['INVALID_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(result.error.code))
    throw new UsageError(result.error.message);
  throw new Error(result.error.message);
}
