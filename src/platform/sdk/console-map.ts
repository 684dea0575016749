/**
 * The console's maps (Leaflet, with the tenant's area and tiles), apart from `console.ts` so that
 * only a screen that shows a map loads it: import this file with `lazy(() => import(…))`.
 * `ReportMap` shows points; `PointPicker` places one (a click sets its latitude and longitude).
 */
export { type Point, ReportMap } from '../../web/console/map.tsx';
export { PointPicker } from '../../web/console/point-picker.tsx';
