import { LEX_FLAVOURS } from '../../../src-shared/sql/dialect';
import { tokenize, type Token } from '../../../src-shared/sql/lexer';

/**
 * The result column names of a query, read from its text: the outermost SELECT list, split at
 * top-level commas, taking the name after each item's last AS. Rough on purpose (no parser), but
 * independent of the alias lists the templates keep, so the two can check each other.
 */
export function selectAliases(sql: string): string[] {
  const lexed = tokenize(sql, LEX_FLAVOURS.ansi);
  if (!lexed.ok) throw new Error(lexed.error.message);
  const code = lexed.tokens.filter((token) => token.kind !== 'comment');
  const items: Token[][] = [[]];
  let depth = 0;
  let inList = false;
  for (const token of code) {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (depth === 0 && word === 'SELECT') inList = true;
    else if (depth === 0 && word === 'FROM') break;
    else if (inList && depth === 0 && token.text === ',') items.push([]);
    else if (inList) items[items.length - 1]?.push(token);
  }
  return items.map((item) => {
    const as = item.map((token) => token.text.toUpperCase()).lastIndexOf('AS');
    const name = as >= 0 ? item[as + 1] : undefined;
    if (!name) throw new Error(`no alias in "${item.map((token) => token.text).join(' ')}"`);
    return name.kind === 'identifier' ? name.text.slice(1, -1) : name.text;
  });
}
