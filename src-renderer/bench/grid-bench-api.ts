/** What the bench page exposes on `window.acdGridBench` for the Node-side driver. */
export interface GridBenchApi {
  rowCount: number;
  /** Time from the page's navigation start to the grid's first painted frame, in ms. */
  mountedAtMs: number;
  scroll(options: ScrollOptions): Promise<ScrollReport>;
  /** Scrolls to a row index (0-based) and waits two frames so it is painted. */
  scrollToRow(row: number): Promise<void>;
}

export interface ScrollOptions {
  /** How long the scroll lasts. */
  durationMs: number;
  /**
   * Absent: a sweep from the first to the last row in `durationMs` (dragging the scrollbar
   * thumb; every frame shows new rows). Present: this many pixels per frame from the top, like
   * a fast wheel or touchpad scroll.
   */
  pxPerFrame?: number;
}

export interface ScrollReport {
  /** Time between consecutive requestAnimationFrame callbacks during the sweep, in ms. */
  frameDeltasMs: number[];
  /** Frames in which the row that should be at the top of the viewport was not rendered. */
  blankFrames: number;
  /** aria-rowindex of the last data row rendered at the end (rowCount + 1 when the end was reached). */
  lastRowIndex: number;
  scrolledPx: number;
  /** 'long-animation-frame' entries seen during the sweep; null when the browser lacks the API. */
  longAnimationFrames: { count: number; maxMs: number; totalBlockingMs: number } | null;
}

declare global {
  interface Window {
    acdGridBench?: GridBenchApi;
  }
}
