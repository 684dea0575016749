/**
 * Server-drawn charts for an app's portal pages (SVG by Apache ECharts, no script in the page; see
 * web/portal/chart.ts). A separate entry from `portal.ts`, so that only the apps that draw charts
 * load ECharts.
 */
export {
  CHART_COLOURS,
  CHART_SIZES,
  type ChartOption,
  type ChartSize,
  svgChart,
} from '../../web/portal/chart.ts';
