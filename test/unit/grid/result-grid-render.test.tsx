import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import { ResultGrid } from '../../../src-renderer/features/grid/ResultGrid';
import { enGridCharts } from '../../../src-renderer/i18n/en-grid-charts';

/**
 * A smoke test by server rendering (there is no DOM in the unit project): the first screen of
 * rows, the ARIA grid structure, and values as escaped text. Scrolling and the keyboard are
 * tested end to end in Chromium.
 */
function render(props: Parameters<typeof ResultGrid>[0]): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: enGridCharts } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(ResultGrid, props)));
}

const columns = ['queueidentifier', '<b>name</b>', 'offered'];
const rows: CellValue[][] = Array.from({ length: 100_000 }, (_, index) => [
  `Q${index + 1}`,
  index === 0 ? '<img src=x onerror="alert(1)">' : 'Sales',
  index === 1 ? null : index,
]);

describe('ResultGrid (server-rendered smoke test)', () => {
  it('renders an ARIA grid with a sticky header and only the first screen of 100,000 rows', () => {
    const html = render({ columns, rows, label: 'Preview rows' });
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-rowcount="100001"');
    expect(html).toContain('aria-label="Preview rows"');
    expect(html.match(/role="columnheader"/g)).toHaveLength(4);
    const renderedRows = html.match(/role="row"/g)?.length ?? 0;
    expect(renderedRows).toBeGreaterThan(10);
    expect(renderedRows).toBeLessThan(60);
    expect(html).toContain('aria-rowindex="2"');
  });

  it('renders values and column names as text, never as markup', () => {
    const html = render({ columns, rows, label: 'Preview rows' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;b&gt;name&lt;/b&gt;');
  });

  it('shows NULL styled and labelled apart from the text NULL', () => {
    const html = render({ columns, rows, label: 'Preview rows' });
    expect(html).toMatch(/class="rg-cell rg-null"[^>]*aria-label="NULL \(no value\)"[^>]*>NULL</);
  });

  it('highlights a cell with findings, with the messages as title and description', () => {
    const findingsByCell = new Map([['1:2', { severity: 'error' as const, messages: ['Bad name', 'Too long'] }]]);
    const html = render({ columns, rows, label: 'Preview rows', findingsByCell, focusCell: { row: 1, column: 2 } });
    expect(html).toMatch(/class="rg-cell rg-text rg-finding rg-sev-error rg-active"/);
    expect(html).toContain('title="Bad name\nToo long"');
    expect(html).toMatch(/aria-describedby="[^"]+-r1-c2-d"/);
    expect(html).toMatch(/<span id="[^"]+-r1-c2-d" hidden="">Error: Bad name · Too long<\/span>/);
    expect(html).toMatch(/aria-activedescendant="[^"]+-r1-c2"/);
  });

  it('renders an empty result as a header only', () => {
    const html = render({ columns, rows: [], label: 'Preview rows' });
    expect(html).toContain('aria-rowcount="1"');
    expect(html.match(/role="row"/g)).toHaveLength(1);
  });
});
