import type { FindingDto, PreviewResult } from '../../../src-shared/contract/api';
import type { RpcError } from '../../../src-shared/rpc/result';

/** The first preview of an imported integration, as its row in the import result shows it. */
export type PreviewOutcome =
  | { status: 'waiting' }
  | { status: 'running'; previewId: string }
  | { status: 'ready'; result: PreviewResult }
  | { status: 'error'; error: RpcError };

export interface PreviewDigest {
  rows: number;
  truncated: boolean;
  errors: number;
  warnings: number;
  /** The first findings worth reading (errors before warnings), so the admin sees what to fix. */
  highlights: FindingDto[];
}

const HIGHLIGHTS = 3;
const rank = { error: 0, warning: 1, info: 2 } as const;

export function digestPreview(result: PreviewResult): PreviewDigest {
  const validation = result.validation;
  const highlights = (validation?.findings ?? [])
    .filter((finding) => finding.severity !== 'info')
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.index - b.index)
    .slice(0, HIGHLIGHTS)
    .map(({ finding }) => finding);
  return {
    rows: result.rows.length,
    truncated: result.truncated,
    errors: validation?.countsBySeverity.error ?? 0,
    warnings: validation?.countsBySeverity.warning ?? 0,
    highlights,
  };
}
