/**
 * The citizen portal's kit for an app's pages (server-rendered React in the tenant's layout,
 * branding and language; see web/portal/kit.tsx), and the URL of its built browser scripts.
 */
export {
  basemapData,
  dayText,
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  mapArea,
  numberText,
  type PageContent,
  type PageHead,
  type PortalContext,
  portalContext,
  prerender,
  queryText,
  ScrollBox,
  sendCachedPage,
  sendPage,
  when,
} from '../../web/portal/kit.tsx';
export { expandWidgets, renderWidget } from '../../web/portal/widgets.tsx';
export { portalEntry, portalScript } from '../../web/serve.ts';
