import { useCallback, useState } from 'react';
import type { ExportedFile } from '../../../src-shared/contract/transfer';
import type { Result, RpcError } from '../../../src-shared/rpc/result';
import { deliverExport, type Delivery } from '../../api/deliver-export';

export type ExportActionState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; file: ExportedFile; delivery: Delivery | { kind: 'pending' } }
  | { status: 'error'; error: RpcError };

/**
 * One export button's life: ask the service for the file, then hand it over (save dialog or
 * download) at once. A closed save dialog keeps the staged file, so it can be delivered again.
 */
export function useExportAction() {
  const [state, setState] = useState<ExportActionState>({ status: 'idle' });

  const deliver = useCallback(async (file: ExportedFile) => {
    setState({ status: 'done', file, delivery: { kind: 'pending' } });
    setState({ status: 'done', file, delivery: await deliverExport(file) });
  }, []);

  const run = useCallback(
    async (produce: () => Promise<Result<ExportedFile>>) => {
      setState({ status: 'working' });
      const result = await produce();
      if (!result.ok) {
        setState({ status: 'error', error: result.error });
        return;
      }
      await deliver(result.value);
    },
    [deliver],
  );

  return { state, run, deliver, reset: useCallback(() => setState({ status: 'idle' }), []) };
}
