import type { InputOf, Method, OutputOf } from '../../src-shared/contract/api';
import type { Dispatch } from '../../src-shared/rpc/dispatcher';
import type { Result, RpcError } from '../../src-shared/rpc/result';

/** Calls a method that must succeed; a failure fails the test with the error's code and message. */
export async function callOk<M extends Method>(dispatch: Dispatch, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed unexpectedly: ${result.error.code} ${result.error.message}`);
  return result.value as OutputOf<M>;
}

/** Calls a method that must fail (input is unknown so tests can send what the types forbid). */
export async function callErr(dispatch: Dispatch, method: string, input: unknown): Promise<RpcError> {
  const result = await dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded but a failure was expected: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Wraps a dispatch so every answer is kept as the JSON a transport would carry. */
export function recordingDispatch(dispatch: Dispatch): { dispatch: Dispatch; answers: string[] } {
  const answers: string[] = [];
  return {
    answers,
    dispatch: async (method, input) => {
      const result: Result<unknown> = await dispatch(method, input);
      answers.push(JSON.stringify(result));
      return result;
    },
  };
}
