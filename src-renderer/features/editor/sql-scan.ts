/**
 * Just enough reading of half-typed SQL for completion: where the cursor is (in code, a string or
 * a comment; after AS, FROM/JOIN or `qualifier.`), and which tables the text refers to under
 * which aliases. It never fails: the text is whatever the admin is in the middle of typing.
 */

export type CursorContext =
  | { kind: 'none' }
  | { kind: 'alias' }
  | { kind: 'cast-type' }
  | { kind: 'table' }
  | { kind: 'member'; qualifier: string }
  | { kind: 'any' };

export interface TableReference {
  schema: string | null;
  table: string;
  alias: string | null;
}

/**
 * The text with string literals and comments blanked to spaces (offsets unchanged), so patterns
 * match code only, and whether the text ends inside a string or comment.
 */
export function maskNonCode(text: string): { code: string; endsInside: boolean } {
  let code = '';
  let i = 0;
  let endsInside = false;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    let end = -1;
    if (text[i] === "'") {
      end = text.indexOf("'", i + 1);
      // A doubled quote continues the string.
      while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
      end = end === -1 ? -1 : end + 1;
    } else if (two === '--') {
      end = text.indexOf('\n', i);
    } else if (two === '/*') {
      end = text.indexOf('*/', i + 2);
      end = end === -1 ? -1 : end + 2;
    } else {
      code += text[i];
      i++;
      continue;
    }
    const stop = end === -1 ? text.length : end;
    code += text.slice(i, stop).replace(/[^\n]/g, ' ');
    if (end === -1) endsInside = true;
    i = stop;
  }
  return { code, endsInside };
}

const IDENT = String.raw`(?:"[^"]*"|\x60[^\x60]*\x60|\[[^\]]*\]|[A-Za-z_][\w$]*)`;
// Words that may follow a table name but are not its alias.
const NOT_ALIASES = new Set(
  (
    'WHERE JOIN INNER LEFT RIGHT FULL OUTER CROSS ON USING GROUP ORDER HAVING LIMIT OFFSET UNION EXCEPT ' +
    'INTERSECT WINDOW AS SELECT FROM WITH NATURAL FETCH FOR'
  ).split(' '),
);

export function unquoteIdentifier(identifier: string): string {
  const first = identifier[0];
  if (first === '"' || first === '`' || first === '[') return identifier.slice(1, -1);
  return identifier;
}

/** `FROM a`, `FROM s.a x`, `JOIN a AS x`, and comma lists after FROM. */
export function tableReferences(text: string): TableReference[] {
  const { code } = maskNonCode(text);
  const one = String.raw`(${IDENT})(?:\s*\.\s*(${IDENT}))?(?:\s+(?:AS\s+)?(${IDENT}))?`;
  const start = new RegExp(String.raw`\b(FROM|JOIN)\s+` + one, 'gi');
  const next = new RegExp(String.raw`\s*,\s*` + one, 'iy');
  const references: TableReference[] = [];
  /** Records one reference; returns where scanning resumes and whether a comma list may go on. */
  const add = (pattern: RegExp, match: RegExpExecArray, offset: number) => {
    const [first, second, alias] = [match[offset], match[offset + 1], match[offset + 2]];
    const keyword = alias !== undefined && NOT_ALIASES.has(alias.toUpperCase());
    if (first)
      references.push({
        schema: second ? unquoteIdentifier(first) : null,
        table: unquoteIdentifier(second ?? first),
        alias: alias && !keyword ? unquoteIdentifier(alias) : null,
      });
    // A keyword taken for an alias (`FROM a JOIN b`) must be read again as a keyword.
    if (keyword) pattern.lastIndex -= alias.length;
    return !keyword;
  };
  for (let match = start.exec(code); match; match = start.exec(code)) {
    if (!add(start, match, 2) || match[1]?.toUpperCase() !== 'FROM') continue;
    next.lastIndex = start.lastIndex;
    for (let more = next.exec(code); more; more = next.exec(code)) {
      const goOn = add(next, more, 1);
      start.lastIndex = next.lastIndex;
      if (!goOn) break;
    }
  }
  return references;
}

/** The contract aliases the text already assigns (`… AS name`), lower-cased. */
export function usedAliases(text: string): Set<string> {
  const { code } = maskNonCode(text);
  const used = new Set<string>();
  for (const match of code.matchAll(new RegExp(String.raw`\bAS\s+(${IDENT})`, 'gi')))
    if (match[1]) used.add(unquoteIdentifier(match[1]).toLowerCase());
  return used;
}

/** What may be typed at `offset`: the word being typed there is ignored. */
export function cursorContext(text: string, offset: number): CursorContext {
  const { code, endsInside } = maskNonCode(text.slice(0, offset));
  if (endsInside) return { kind: 'none' };
  const before = code.replace(/[\w$]*$/, '');
  const member = new RegExp(String.raw`(${IDENT})\s*\.\s*$`).exec(before);
  if (member?.[1]) return { kind: 'member', qualifier: unquoteIdentifier(member[1]) };
  if (/\bAS\s+$/i.test(before)) return insideCast(before) ? { kind: 'cast-type' } : { kind: 'alias' };
  if (/\b(FROM|JOIN)\s+$/i.test(before)) return { kind: 'table' };
  return { kind: 'any' };
}

/** `CAST(x AS ` wants a type, not a result column name. */
function insideCast(before: string): boolean {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(') {
      if (depth === 0) return /\b(CAST|TRY_CAST|CONVERT)\s*$/i.test(before.slice(0, i));
      depth--;
    }
  }
  return false;
}
