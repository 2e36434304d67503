/**
 * Keeps the first maxFindings findings and counts all of them, so a 1,000,000-row run with a
 * defect on every row still holds a bounded list while its counts stay exact.
 */
import type { Finding, RuleId, Severity } from './finding';

export const DEFAULT_MAX_FINDINGS = 1000;

export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly counts: Partial<Record<RuleId, number>> = {};
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly max: number;

  constructor(max = DEFAULT_MAX_FINDINGS) {
    this.max = max;
  }

  /** Counts the finding; returns it when it was kept (callers may still refine a kept message). */
  add(item: Finding): Finding | undefined {
    this.counts[item.rule] = (this.counts[item.rule] ?? 0) + 1;
    this.bySeverity[item.severity] += 1;
    if (this.findings.length >= this.max) return undefined;
    this.findings.push(item);
    return item;
  }

  get ok(): boolean {
    return this.bySeverity.error === 0;
  }
}

/** A set that stops growing at a limit and says so once, for the summary's distinct counts. */
export class BoundedSet {
  private readonly values = new Set<string>();
  private readonly limit: number;
  private readonly onLimit: () => void;

  constructor(limit: number, onLimit: () => void) {
    this.limit = limit;
    this.onLimit = onLimit;
  }

  add(value: string): void {
    if (this.values.has(value)) return;
    if (this.values.size >= this.limit) {
      this.onLimit();
      return;
    }
    this.values.add(value);
  }

  get size(): number {
    return this.values.size;
  }
}
