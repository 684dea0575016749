/**
 * A datastore resource's chart on the dataset page: which columns it draws (`chartPlan`, pure) and
 * the picture itself (`sumsChartSvg`), drawn on the server through the portal's charts
 * (`sdk/chart.ts`) from the sums the catalogue reader computes in the database.
 *
 * The group labels are the data's own text, typed by an agency's staff: ECharts escapes every
 * text it draws, so the SVG can go into the page as it is (chart.test.ts checks it).
 */
import { CHART_COLOURS, CHART_SIZES, type ChartSize, svgChart } from '../../../platform/sdk/chart.ts';
import type { Language } from '../../../platform/sdk/index.ts';
import { LOCALES } from '../../../platform/sdk/shared.ts';
import type { DatastoreSums } from '../catalog/reader.ts';
import type { CatalogColumn } from '../catalog/view.ts';

/** Groups a chart shows at most: the largest sums, or the last dates. */
export const CHART_GROUPS = 50;

/**
 * Columns that number, code or date the rows rather than measure them (`No`, `kode_wilayah`,
 * `tahun`): never summed. A year may still group them.
 */
const NOT_A_MEASURE = /^(no|nomor|nmr|id|kode|kd|urut|tahun|thn|year|bulan|bln|month|periode)([^a-z]|$)/i;
const YEAR = /^(tahun|thn|year)([^a-z]|$)/i;

/** Whether a column numbers, codes or dates rows (its figures are written as they are, never summed). */
export function isCodeLike(column: Pick<CatalogColumn, 'name' | 'label'>): boolean {
  return NOT_A_MEASURE.test(column.name) || NOT_A_MEASURE.test(column.label);
}

export type ChartKind = 'line' | 'bars' | 'columns';

export type ChartPlan = Readonly<{
  groupBy: CatalogColumn;
  measure: CatalogColumn;
  kind: ChartKind;
  /**
   * A date or year column beside a text group (a table of several years' figures per kecamatan):
   * the bars show its latest period only, as a sum over periods (a population added across two
   * years) would mean nothing.
   */
  period: CatalogColumn | null;
}>;

/**
 * What a resource's chart draws: its first measure (a number column that is not a code or a
 * count of rows) summed by its first date or text column — a line over dates, horizontal bars
 * over text — or, with neither, by a year column (columns). Null when it has nothing to draw.
 */
export function chartPlan(columns: readonly CatalogColumn[]): ChartPlan | null {
  const groupBy =
    columns.find((c) => c.type === 'date' || c.type === 'text') ??
    columns.find((c) => c.type === 'int' && (YEAR.test(c.name) || YEAR.test(c.label)));
  if (!groupBy) return null;
  const measure = columns.find(
    (c) => c !== groupBy && (c.type === 'int' || c.type === 'numeric') && !isCodeLike(c),
  );
  if (!measure) return null;
  const kind = groupBy.type === 'date' ? 'line' : groupBy.type === 'text' ? 'bars' : 'columns';
  const period =
    kind === 'bars'
      ? (columns.find(
          (c) =>
            c.type === 'date' ||
            c.type === 'timestamp' ||
            (c.type === 'int' && (YEAR.test(c.name) || YEAR.test(c.label))),
        ) ?? null)
      : null;
  return { groupBy, measure, kind, period };
}

function dayMs(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

/** A group's label on a category axis: its text, a year as written, or the words for "no value". */
export function groupLabel(key: string | number | null, empty: string): string {
  return key === null || key === '' ? empty : String(key);
}

/**
 * One SVG picture of the sums: `kind` as the plan says, numbers in the page's language; bars are
 * as tall as their number needs.
 */
export function sumsChartSvg(
  sums: DatastoreSums,
  options: Readonly<{ kind: ChartKind; lang: Language; size: ChartSize; empty: string }>,
): string {
  const narrow = options.size === 'narrow';
  const { width, height } = CHART_SIZES[options.size];
  const locale = LOCALES[options.lang];
  const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const text = { color: CHART_COLOURS.text };
  const valueAxis = {
    type: 'value',
    splitNumber: narrow ? 3 : 5,
    axisLabel: { ...text, hideOverlap: true, formatter: (v: number) => compact.format(v) },
    splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
  };
  const grid = {
    left: narrow ? 4 : 8,
    right: narrow ? 16 : 32,
    top: 16,
    bottom: 4,
    // The axis labels stay inside the picture: the grid shrinks to hold them.
    outerBoundsMode: 'same',
  };
  const bar = {
    type: 'bar',
    itemStyle: { color: CHART_COLOURS.primary },
    emphasis: { disabled: true },
    barMaxWidth: 28,
  };

  if (options.kind === 'line') {
    const points = sums.groups.filter((g) => typeof g.key === 'string');
    const span =
      points.length > 1
        ? (dayMs(String(points.at(-1)!.key)) - dayMs(String(points[0]!.key))) / 86_400_000
        : 0;
    const months = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return svgChart(
      {
        grid,
        xAxis: {
          type: 'time',
          splitNumber: narrow ? 3 : 6,
          axisLabel: {
            ...text,
            hideOverlap: true,
            formatter: (v: number) => (span > 120 ? months : days).format(new Date(v)),
          },
        },
        yAxis: { ...valueAxis, scale: true },
        series: [
          {
            type: 'line',
            data: points.map((p) => [dayMs(String(p.key)), p.sum]),
            showSymbol: points.length <= 12,
            lineStyle: { color: CHART_COLOURS.primary, width: 2.5 },
            itemStyle: { color: CHART_COLOURS.primary },
            emphasis: { disabled: true },
          },
        ],
      },
      { width, height },
    );
  }

  const labels = sums.groups.map((g) => groupLabel(g.key, options.empty));
  const values = sums.groups.map((g) => g.sum);
  if (options.kind === 'columns') {
    return svgChart(
      {
        grid,
        xAxis: { type: 'category', data: labels, axisLabel: { ...text, hideOverlap: true } },
        yAxis: valueAxis,
        series: [{ ...bar, data: values }],
      },
      { width, height },
    );
  }
  // Horizontal bars, largest at the top, each row as tall as a line of text.
  const withValues = labels.length <= 25;
  return svgChart(
    {
      grid: {
        ...grid,
        // ECharts measures text without a browser, from a table of one font's widths: a longer
        // label drawn in another font overshoots, so its side keeps some room.
        left: narrow ? 20 : 28,
        right: withValues ? (narrow ? 60 : 76) : grid.right,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisTick: { show: false },
        axisLabel: { ...text, width: narrow ? 110 : 220, overflow: 'truncate', interval: 0 },
      },
      xAxis: valueAxis,
      series: [
        {
          ...bar,
          data: values,
          label: withValues
            ? {
                show: true,
                position: 'right',
                ...text,
                formatter: (p: { value: number }) => full.format(p.value),
              }
            : { show: false },
        },
      ],
    },
    { width, height: Math.max(120, 32 + labels.length * (narrow ? 22 : 24)) },
  );
}
