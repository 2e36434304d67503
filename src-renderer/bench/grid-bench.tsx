// Bench-only page (never shipped in the product bundle): the real ResultGrid, with the product's
// CSS, over generated rows. The preview API stops at 10,000 rows; this page takes ?rows=N.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResultGrid } from '../features/grid/ResultGrid';
import { initI18n } from '../i18n/i18n';
import { benchFindings, BENCH_COLUMNS, generateBenchRows } from './bench-rows';
import type { GridBenchApi } from './grid-bench-api';
import { nextFrames, sweepGrid } from './scroll-probe';
import { ROW_HEIGHT } from '../features/grid/grid-layout';
import '../styles.css';

const DEFAULT_ROWS = 100_000;

function rowCountFromUrl(): number {
  const text = new URLSearchParams(location.search).get('rows');
  const count = text === null ? DEFAULT_ROWS : Number(text);
  if (!Number.isInteger(count) || count < 1) throw new Error(`?rows= must be a whole number >= 1, not "${text}"`);
  return count;
}

initI18n();
const rowCount = rowCountFromUrl();
const rows = generateBenchRows(rowCount);
const findings = benchFindings(rowCount);
const root = createRoot(document.getElementById('root') as HTMLElement);
// The same frame the preview puts the grid in, so the grid gets the product's width and height.
root.render(
  <StrictMode>
    <main className="detail">
      <section className="preview" aria-label="Grid benchmark">
        <h2>{`${rowCount.toLocaleString('en')} generated rows`}</h2>
        <ResultGrid label="Preview rows" columns={BENCH_COLUMNS} rows={rows} findingsByCell={findings} />
      </section>
    </main>
  </StrictMode>,
);

function gridElement(): HTMLElement {
  const grid = document.querySelector<HTMLElement>('[role="grid"]');
  if (!grid) throw new Error('the bench page has no grid');
  return grid;
}

void nextFrames(2).then(() => {
  const api: GridBenchApi = {
    rowCount,
    mountedAtMs: performance.now(),
    scroll: (options) => sweepGrid(gridElement(), options),
    scrollToRow: async (row) => {
      gridElement().scrollTop = row * ROW_HEIGHT;
      await nextFrames(2);
    },
  };
  window.acdGridBench = api;
});
