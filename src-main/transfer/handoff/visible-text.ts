/**
 * Text from the workspace as a printed sheet can show it: control characters other than tab and
 * line feed become visible (␀, ␛, ␡; C1 controls become �), because raw they are invisible in a
 * browser and invalid in HTML, yet the admin must see that something is there.
 */
export function visibleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/** One line: line breaks and tabs become spaces (table cells and headings are single lines). */
export function visibleLine(text: string): string {
  return visibleText(text).replace(/[\n\t]/g, ' ');
}
