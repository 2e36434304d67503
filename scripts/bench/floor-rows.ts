import type { CommandRun } from './timed-command';

/**
 * How many rows a floor tool's warm-up run really read, from what it printed: psql says
 * "COPY n"; mysql prints a header line then one line per row; isql -b and sqlite3 one line per row.
 * isql exits 0 even when the statement fails, so this count is what proves the tool ran.
 */
export function floorRowsSeen(tool: string, run: CommandRun): number {
  if (tool.startsWith('psql')) {
    const match = /COPY (\d+)/u.exec(run.stdout);
    return match ? Number(match[1]) : 0;
  }
  if (tool.startsWith('mysql')) return Math.max(0, run.stdoutLines - 1);
  return run.stdoutLines;
}

/** Failures that a tool reports in its output rather than by its exit status. */
export function floorFailure(run: CommandRun): string | null {
  if (run.exitCode !== 0) return `exit ${run.exitCode ?? run.signal}: ${run.stderrTail.slice(-600)}`;
  if (/\[ISQL\]ERROR|^ERROR/mu.test(run.stderrTail)) return run.stderrTail.slice(-600);
  return null;
}
