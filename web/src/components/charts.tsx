/**
 * Charts for the Insights page, drawn with Chart.js. Only the Insights page imports this module and
 * that page is loaded on demand, so Chart.js never weighs on the app's first load; only the parts
 * used here are registered, so the rest is left out of the bundle.
 *
 * A chart is a picture of numbers, never the only place they are: every one is a <figure> whose
 * canvas is an image with a one-sentence summary, followed by a real table of every value.
 * Colours come from the page's CSS variables and follow the light or dark scheme.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { t } from '../text';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export interface Palette {
  primary: string;
  secondary: string;
  goal: string;
  text: string;
  grid: string;
  surface: string;
}

function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    primary: v('--chart-1', '#0b6b63'),
    secondary: v('--chart-2', '#b35a00'),
    goal: v('--chart-goal', '#1c2326'),
    text: v('--muted', '#545e66'),
    grid: v('--chart-grid', '#d9d6cc'),
    surface: v('--surface', '#ffffff'),
  };
}

const DARK = '(prefers-color-scheme: dark)';
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeScheme(listener: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** 'dark' or 'light', re-rendering when the system switches. */
function useScheme(): string {
  return useSyncExternalStore(subscribeScheme, () => (window.matchMedia(DARK).matches ? 'dark' : 'light'));
}

/**
 * One chart. `data` is what the chart shows: it is drawn again only when that (or the colour
 * scheme) changes, not on every render of the page around it.
 */
export function ChartCanvas({
  label,
  data,
  build,
  tall = false,
}: {
  label: string;
  data: unknown;
  build: (palette: Palette) => ChartConfiguration;
  tall?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const builder = useRef(build);
  builder.current = build;
  const scheme = useScheme();
  const key = JSON.stringify(data);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const palette = readPalette();
    Chart.defaults.color = palette.text;
    Chart.defaults.borderColor = palette.grid;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    const config = builder.current(palette);
    config.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: window.matchMedia(REDUCED_MOTION).matches ? false : { duration: 400 },
      ...config.options,
    };
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [key, scheme]);

  return (
    <div className={`chart-box${tall ? ' is-tall' : ''}`}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/** A chart with its caption, and every value it shows in a table underneath. */
export function ChartFigure({
  caption,
  summary,
  data,
  build,
  table,
  tall,
}: {
  caption: string;
  summary: string;
  data: unknown;
  build: (palette: Palette) => ChartConfiguration;
  table: ReactNode;
  tall?: boolean;
}) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-caption">{caption}</figcaption>
      <ChartCanvas label={summary} data={data} build={build} tall={tall} />
      <details className="chart-numbers">
        <summary>{t.insights.showNumbers}</summary>
        {/* Focusable, so that a table wider than a phone can be scrolled from the keyboard. */}
        <div className="table-scroll" role="region" aria-label={t.insights.numbersOf(caption)} tabIndex={0}>
          {table}
        </div>
      </details>
    </figure>
  );
}
