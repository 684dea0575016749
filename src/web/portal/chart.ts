/**
 * Charts for portal pages, drawn on the server as SVG by Apache ECharts (its server-side
 * rendering: no DOM, no canvas): the page carries the picture, so a citizen sees it on a cheap
 * phone without any JavaScript. A page holds two sizes, one for phones and one for wider screens,
 * and the portal's stylesheet shows one (`.chart .narrow`, `.chart .wide`).
 *
 * ECharts escapes every text it draws (axis labels, legends), so the SVG can go into the page as
 * it is, even when a label is text a tenant's staff typed; a page should still give the chart's
 * story as its accessible name and its figures as a table.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** ECharts' option object (the series, axes and grid of one chart). */
export type ChartOption = echarts.EChartsCoreOption;

/** The two sizes a page holds: one for phones, one for wider screens (CSS shows one). */
export const CHART_SIZES = {
  narrow: { width: 360, height: 260 },
  wide: { width: 860, height: 340 },
} as const;
export type ChartSize = keyof typeof CHART_SIZES;

/** The portal's colours for charts: the main series, a secondary one, text and grid lines (contrast ≥ 4.5:1 on white). */
export const CHART_COLOURS = {
  primary: '#0a4f94',
  secondary: '#5b6473',
  text: '#333333',
  grid: '#d0d5dd',
} as const;

/**
 * One chart as an SVG document: `option` over the portal's base (no animation, the portal's font
 * and text colour; `option` may override them), `width` × `height` pixels.
 */
export function svgChart(
  option: ChartOption,
  size: Readonly<{ width: number; height: number }>,
  fontSize = size.width < 480 ? 12 : 13,
): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif', fontSize, color: CHART_COLOURS.text },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
