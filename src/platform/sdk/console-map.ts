/**
 * The console's map (Leaflet, with the tenant's area and tiles), apart from `console.ts` so that
 * only a screen that shows a map loads it: import this file with `lazy(() => import(…))`.
 */
export { type Point, ReportMap } from '../../web/console/map.tsx';
