import { visibleLine, visibleText } from './visible-text';

/**
 * GitHub-flavoured Markdown from workspace text. Names may contain anything a user typed, so
 * every character Markdown could read as syntax (emphasis, links, raw HTML, entities, a heading's
 * closing #, a table's |) is backslash-escaped; the reader sees the text exactly as typed.
 */
export function escapeMarkdown(text: string): string {
  return visibleLine(text).replace(/[\\`*_[\]<>|~&#!]/g, (character) => `\\${character}`);
}

/**
 * A code span for a value the admin types as-is. Backticks inside get a longer delimiter, and |
 * is escaped because GFM splits table cells on it even inside code spans (the cell reads it back).
 */
export function markdownCode(text: string): string {
  const line = visibleLine(text).replace(/\|/g, '\\|');
  if (line === '') return '';
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = line.startsWith('`') || line.endsWith('`') || /^ .* $/.test(line) ? ' ' : '';
  return `${fence}${padding}${line}${padding}${fence}`;
}

/** A fenced code block that no line of the text can close early. */
export function markdownFence(text: string, info: string): string {
  const body = visibleText(text).replace(/\n+$/, '');
  const longestRun = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}
