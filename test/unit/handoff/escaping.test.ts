import { describe, expect, it } from 'vitest';
import { renderHandoffHtml, renderHandoffMarkdown } from '../../../src-main/transfer/handoff';
import { APP_VERSION } from './sample-sheets';
import { hostileInput, HOSTILE_SQL } from './hostile-input';

describe('hand-off HTML escapes every workspace text', () => {
  const html = renderHandoffHtml(hostileInput());

  it('has no markup from names, the connection string or the SQL', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('</code></pre><script>');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &#39;Co&#39; &quot;../../x&quot;',
    );
    expect(html).toContain('DSN=&lt;img src=x onerror=alert(1)&gt;;DELIMIDENT=y;');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps the SQL verbatim (line breaks normalised) and shows control characters', () => {
    const sql = /<pre class="sql"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    const expected = HOSTILE_SQL.replace(/\r\n/g, '\n')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      .replace('\u0007', '\u2407')
      .replace('\u0000', '\u2400')
      .replace('\u001b', '\u241b')
      .replace('\u007f', '\u2421');
    expect(sql).toBe(expected);
    expect(html).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });

  it('escapes the title and the generator attribute too', () => {
    expect(html).toMatch(/<title>Hand-off sheet: Calls \| `ticks` \*bold\* \[link\]\(http:\/\/x\) # \(&lt;script&gt;/);
    expect(html).toContain(`<meta name="generator" content="ACD Link Studio v${APP_VERSION}">`);
  });
});

/** The cells of a GFM table row, split on the pipes GFM splits on (not the escaped ones). */
const cells = (row: string) =>
  row
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/);

describe('hand-off Markdown escapes every workspace text', () => {
  const markdown = renderHandoffMarkdown(hostileInput());
  const lines = markdown.split('\n');

  it('escapes names so they stay text: no HTML, emphasis, links or heading closers', () => {
    // Code is literal in Markdown (the SQL fence, the connection string's code span): only the rest can render.
    const prose = markdown
      .replace(/^(`{3,})sql\n[\s\S]*?\n\1$/m, '')
      .replace(/(?<![\\`])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
    expect(prose).not.toMatch(/(?<!\\)[<&[]/);
    expect(lines[0]).toBe('# Hand-off sheet: Calls \\| \\`ticks\\` \\*bold\\* \\[link\\](http://x) \\#');
    expect(markdown).toContain('External system: **\\<script\\>alert("pwned")\\</script\\> \\& \'Co\' "../../x"**');
    expect(markdown).toContain('| Connection string | `DSN=<img src=x onerror=alert(1)>;DELIMIDENT=y;` |');
  });

  it('keeps every table row at the number of cells of its header, pipes and all', () => {
    const tables = tablesOf(lines);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      for (const row of table) expect(cells(row), row).toHaveLength(cells(table[0]!).length);
    }
    expect(lines).toContain('| Integration name | ``Calls \\| `ticks` *bold* [link](http://x) #`` |');
  });

  it('fences the SQL with more backticks than it contains, and keeps it verbatim', () => {
    expect(markdown).not.toMatch(/(?![\t\n])\p{Cc}/u);
    const open = lines.findIndex((line) => /^`{3,}sql$/.test(line));
    const fence = lines[open]!.replace('sql', '');
    expect(fence).toBe('`````');
    const close = lines.indexOf(fence, open + 1);
    expect(lines.slice(open + 1, close).join('\n')).toBe(
      HOSTILE_SQL.replace(/\r\n/g, '\n')
        .replace('\u0007', '\u2407')
        .replace('\u0000', '\u2400')
        .replace('\u001b', '\u241b')
        .replace('\u007f', '\u2421'),
    );
  });
});

/** Runs of consecutive table lines. */
function tablesOf(lines: string[]): string[][] {
  const tables: string[][] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('|')) return;
    if (lines[index - 1]?.startsWith('|')) tables[tables.length - 1]!.push(line);
    else tables.push([line]);
  });
  return tables;
}
