/**
 * The price history chart, drawn on the server as SVG through the portal's charts (`sdk/chart.ts`,
 * Apache ECharts without a DOM). The portal sends the picture in the page, so a citizen sees the
 * chart on a cheap phone without any JavaScript; the page gives the same figures as a table too.
 *
 * Only numbers, dates and the app's own legend words reach the chart — never a name a tenant or a
 * user typed — and ECharts escapes its text anyway, so the SVG can go into the page as it is.
 */
import { CHART_COLOURS, CHART_SIZES, svgChart } from '../../platform/sdk/chart.ts';
import type { Language as Lang } from '../../platform/sdk/index.ts';
import { LOCALES } from '../../platform/sdk/shared.ts';

export type ChartPoint = Readonly<{ day: string; price: number; min?: number; max?: number }>;

export type ChartLegend = Readonly<{ price: string; min: string; max: string }>;

export { CHART_SIZES };

const PRICE_COLOUR = CHART_COLOURS.primary;
const RANGE_COLOUR = CHART_COLOURS.secondary;
const TEXT_COLOUR = CHART_COLOURS.text;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * One SVG picture of a price series (and, city-wide, the lowest and highest market's price):
 * months on the time axis, rupiah on the value axis, in the page's language.
 */
export function priceChartSvg(
  points: readonly ChartPoint[],
  options: Readonly<{ lang: Lang; legend: ChartLegend; size: keyof typeof CHART_SIZES }>,
): string {
  const narrow = options.size === 'narrow';
  const locale = LOCALES[options.lang];
  const months = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const spanDays = points.length > 1 ? (dayMs(points.at(-1)!.day) - dayMs(points[0]!.day)) / 86_400_000 : 0;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const withRange = points.some((p) => p.min !== undefined && p.max !== undefined);
  const series = (
    name: string,
    values: Array<[number, number] | null>,
    colour: string,
    line: 'solid' | 'dashed' | 'dotted' = 'solid',
  ) => ({
    type: 'line' as const,
    name,
    data: values,
    showSymbol: points.length <= 2,
    connectNulls: false,
    lineStyle: { color: colour, width: line === 'solid' ? 2.5 : 1.5, type: line },
    itemStyle: { color: colour },
    emphasis: { disabled: true },
  });
  return svgChart(
    {
      grid: {
        left: narrow ? 4 : 8,
        right: narrow ? 12 : 24,
        top: withRange ? 40 : 16,
        bottom: 4,
        // The axis labels stay inside the picture: the grid shrinks to hold them.
        outerBoundsMode: 'same',
      },
      ...(withRange
        ? {
            legend: {
              top: 4,
              left: 'center',
              icon: 'roundRect',
              itemWidth: 18,
              itemHeight: 4,
              textStyle: { color: TEXT_COLOUR, fontSize: narrow ? 11 : 13 },
            },
          }
        : {}),
      xAxis: {
        type: 'time',
        axisLabel: {
          color: TEXT_COLOUR,
          hideOverlap: true,
          formatter: (value: number) => (spanDays > 120 ? months : days).format(new Date(value)),
        },
        splitNumber: narrow ? 3 : 6,
      },
      yAxis: {
        type: 'value',
        scale: true,
        splitNumber: narrow ? 4 : 5,
        axisLabel: { color: TEXT_COLOUR, formatter: (value: number) => numbers.format(value) },
        splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
      },
      series: [
        series(
          options.legend.price,
          points.map((p) => [dayMs(p.day), p.price]),
          PRICE_COLOUR,
        ),
        ...(withRange
          ? [
              series(
                options.legend.min,
                points.map((p) => (p.min === undefined ? null : [dayMs(p.day), p.min])),
                RANGE_COLOUR,
                'dotted',
              ),
              series(
                options.legend.max,
                points.map((p) => (p.max === undefined ? null : [dayMs(p.day), p.max])),
                RANGE_COLOUR,
                'dashed',
              ),
            ]
          : []),
      ],
    },
    CHART_SIZES[options.size],
  );
}
