import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { enGridCharts, type GridChartsCatalogue } from '../../i18n/en-grid-charts';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every key of the grid and chart strings, e.g. 'grid.null' or 'charts.offered'. */
export type GridChartsKey = Leaves<GridChartsCatalogue>;
export type GridChartsT = (key: GridChartsKey, values?: Record<string, string | number>) => string;

/**
 * `t` for the grid and chart strings. These keys live in their own catalogue file until it is
 * merged into `en`, so i18next's typed `t` does not know them yet; this keeps them type-checked
 * against that file, and the English text is passed as the default so nothing shows a raw key
 * before the merge. After the merge, translations in other languages win as usual.
 */
export function useGridChartsT(): GridChartsT {
  const { t } = useTranslation();
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return useCallback((key, values) => translate(key, { ...values, defaultValue: englishText(key) }), [translate]);
}

export function englishText(key: GridChartsKey): string {
  let node: unknown = enGridCharts;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : key;
}
