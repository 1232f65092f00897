import { scaleLinear, scaleQuantile } from 'd3-scale';
import { line } from 'd3-shape';
import type { PageContext } from '../web/page-context.ts';
import { mapViewBoxHeight, MAP_WIDTH, regionShapes } from './region-map.ts';
import type { RegionFigures } from './statistics.service.ts';

// Charts drawn on the server as inline SVG: they need no script, print with the page, and Tor
// Browser's safest mode (which blocks SVG *images*) shows them. Styled only with presentation
// attributes (the CSP allows no style attribute). Each chart is an image with a title and a
// description; the same numbers are in the HTML table that follows it on the page.

/** Colour-blind-safe sequential classes (ColorBrewer OrRd), light to dark, and "none published". */
export const CLASS_COLOURS = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'] as const;
export const NONE_COLOUR = '#eeeeee';
const DEATHS_COLOUR = '#b30000';
const MISSING_COLOUR = '#2b6aa6';
const TEXT = '#222222';

export const numberFormat = (lang: string, digits = 0) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export interface Classes {
  /** the class of a rate (-1: none published) */
  of(rate: number | null): number;
  /** the lower bound of each class present */
  bounds: number[];
}

/**
 * Quantile classes of the non-zero rates (up to five; fewer when there are fewer distinct values).
 * Rates are rounded to two decimals, so with few published deaths many regions share one, and
 * several quantile breaks fall on the same value: a break is kept only when the class below it
 * and the classes above it each hold a region, so every class the legend lists holds a region and
 * each region is painted in the class whose range contains its rate.
 */
export const rateClasses = (rates: Array<number | null>): Classes => {
  const values = rates.filter((r): r is number => r !== null && r > 0).sort((a, b) => a - b);
  const distinct = [...new Set(values)];
  const k = Math.min(CLASS_COLOURS.length, distinct.length);
  if (k === 0) return { of: () => -1, bounds: [] };
  const quantiles = scaleQuantile<number>()
    .domain(values)
    .range([...Array(k).keys()])
    .quantiles();
  const bounds = [values[0]];
  for (const b of quantiles) {
    const below = values.some((v) => v >= bounds[bounds.length - 1] && v < b);
    if (below && values[values.length - 1] >= b) bounds.push(b);
  }
  return {
    of: (rate) => (rate === null || rate <= 0 ? -1 : bounds.filter((b) => b <= rate).length - 1),
    bounds,
  };
};

const colourOf = (cls: number, classes: Classes): string =>
  cls < 0
    ? NONE_COLOUR
    : CLASS_COLOURS[Math.round((cls * (CLASS_COLOURS.length - 1)) / Math.max(1, classes.bounds.length - 1))];

/** The choropleth of deaths per 100,000 by region. */
export const RegionMap = ({
  ctx,
  regions,
  classes,
  id,
}: {
  ctx: PageContext;
  regions: RegionFigures[];
  classes: Classes;
  id: string;
}) => {
  const { t, lang } = ctx;
  const fmt = numberFormat(lang, 2);
  const byCode = new Map(regions.map((r) => [r.region, r]));
  const label = (code: string) => {
    const r = byCode.get(code);
    if (!r) return '';
    const name = lang === 'ru' ? r.name_ru : r.name_en;
    return `${name}: ${r.deaths_per_100k === null ? '—' : fmt.format(r.deaths_per_100k)}`;
  };
  const fill = (code: string) => colourOf(classes.of(byCode.get(code)?.deaths_per_100k ?? null), classes);
  const shapes = regionShapes();
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${mapViewBoxHeight()}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-t`}>{t('registry.statistics.mapTitle')}</title>
      <desc id={`${id}-d`}>{t('registry.statistics.mapDesc', { year: 2021 })}</desc>
      <g stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">
        {shapes
          .filter((s) => !s.marker)
          .map((s) => (
            <path d={s.d} fill={fill(s.code)}>
              <title>{label(s.code)}</title>
            </path>
          ))}
      </g>
      <g stroke={TEXT} stroke-width="1.5">
        {shapes
          .filter((s) => s.marker)
          .map((s) => (
            <circle cx={s.centroid[0]} cy={s.centroid[1]} r="9" fill={fill(s.code)}>
              <title>{label(s.code)}</title>
            </circle>
          ))}
      </g>
    </svg>
  );
};

/** The map's legend: a swatch (a tiny SVG, no style attribute needed) per class. */
export const MapLegend = ({ ctx, classes }: { ctx: PageContext; classes: Classes }) => {
  const fmt = numberFormat(ctx.lang, 2);
  const swatch = (colour: string) => (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <rect width="14" height="14" fill={colour} stroke="#999999" />
    </svg>
  );
  return (
    <ul class="legend">
      <li>
        {swatch(NONE_COLOUR)} {ctx.t('registry.statistics.legendZero')}
      </li>
      {classes.bounds.map((b, i) => (
        <li>
          {swatch(colourOf(i, classes))}{' '}
          {i + 1 < classes.bounds.length
            ? ctx.t('registry.statistics.legendRange', {
                from: fmt.format(b),
                to: fmt.format(classes.bounds[i + 1]),
              })
            : ctx.t('registry.statistics.legendFrom', { from: fmt.format(b) })}
        </li>
      ))}
    </ul>
  );
};

export interface Bar {
  label: string;
  values: number[];
}

/**
 * Horizontal bars, one row per item, the label above its bars (long region names fit a phone);
 * one bar per series, its value at its end.
 */
export const BarChart = ({
  ctx,
  id,
  title,
  bars,
  series,
  digits = 0,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  bars: Bar[];
  series: Array<{ name: string; colour: string }>;
  digits?: number;
}) => {
  const width = 400;
  const barH = 11;
  const rowH = 18 + series.length * (barH + 3);
  const height = bars.length * rowH + (series.length > 1 ? 24 : 4);
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, width - 70]);
  const fmt = numberFormat(ctx.lang, digits);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`}>
      <title id={`${id}-t`}>{title}</title>
      <g font-family="sans-serif" font-size="12" fill={TEXT}>
        {bars.map((b, i) => {
          const y = i * rowH;
          return (
            <g>
              <text x="0" y={y + 13}>
                {b.label}
              </text>
              {b.values.map((v, s) => (
                <>
                  <rect
                    x="0"
                    y={y + 17 + s * (barH + 3)}
                    width={Math.max(v > 0 ? 1 : 0, x(v))}
                    height={barH}
                    fill={series[s].colour}
                  />
                  <text x={x(v) + 4} y={y + 16 + s * (barH + 3) + barH - 1} font-size="11">
                    {fmt.format(v)}
                  </text>
                </>
              ))}
            </g>
          );
        })}
        {series.length > 1 && <Key series={series} y={height - 8} />}
      </g>
    </svg>
  );
};

const Key = ({ series, y }: { series: Array<{ name: string; colour: string }>; y: number }) => (
  <g>
    {series.map((s, i) => (
      <>
        <rect x={i * 150} y={y - 10} width="12" height="12" fill={s.colour} />
        <text x={i * 150 + 16} y={y}>
          {s.name}
        </text>
      </>
    ))}
  </g>
);

/** The monthly series: one line per status over the months, a tick at each January. */
export const MonthSeries = ({
  ctx,
  id,
  title,
  months,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  months: Array<{ month: string; deaths: number; missing: number }>;
}) => {
  const width = 400;
  const height = 190;
  const m = { top: 10, right: 8, bottom: 44, left: 34 };
  const max = Math.max(1, ...months.flatMap((p) => [p.deaths, p.missing]));
  const x = scaleLinear()
    .domain([0, Math.max(1, months.length - 1)])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([height - m.bottom, m.top]);
  const path = (key: 'deaths' | 'missing') =>
    line<{ deaths: number; missing: number }>()
      .x((_, i) => Math.round(x(i) * 10) / 10)
      .y((p) => Math.round(y(p[key]) * 10) / 10)(months) ?? '';
  const fmt = numberFormat(ctx.lang);
  const series = [
    { name: ctx.t('registry.statistics.deaths'), colour: DEATHS_COLOUR },
    { name: ctx.t('registry.statistics.missing'), colour: MISSING_COLOUR },
  ];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`}>
      <title id={`${id}-t`}>{title}</title>
      <g font-family="sans-serif" font-size="11" fill={TEXT}>
        {y.ticks(4).map((v) => (
          <g>
            <line x1={m.left} x2={width - m.right} y1={y(v)} y2={y(v)} stroke="#dddddd" />
            <text x={m.left - 4} y={y(v) + 4} text-anchor="end">
              {fmt.format(v)}
            </text>
          </g>
        ))}
        {months.map((p, i) =>
          p.month.endsWith('-01') || i === 0 ? (
            <g>
              <line x1={x(i)} x2={x(i)} y1={height - m.bottom} y2={height - m.bottom + 4} stroke={TEXT} />
              <text
                x={x(i)}
                y={height - m.bottom + 16}
                text-anchor={x(i) > width - 20 ? 'end' : x(i) < m.left + 10 ? 'start' : 'middle'}
              >
                {p.month.slice(0, 4)}
              </text>
            </g>
          ) : null,
        )}
        <path d={path('deaths')} fill="none" stroke={DEATHS_COLOUR} stroke-width="2" />
        <path d={path('missing')} fill="none" stroke={MISSING_COLOUR} stroke-width="2" stroke-dasharray="5 3" />
        <Key series={series} y={height - 6} />
      </g>
    </svg>
  );
};

export const STATUS_SERIES = (ctx: PageContext) => [
  { name: ctx.t('registry.statistics.deaths'), colour: DEATHS_COLOUR },
  { name: ctx.t('registry.statistics.missing'), colour: MISSING_COLOUR },
];
