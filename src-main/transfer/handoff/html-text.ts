import { visibleLine, visibleText } from './visible-text';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped for element content and double- or single-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

export function escapeHtmlLine(text: string): string {
  return escapeHtml(visibleLine(text));
}
