/**
 * The staff console's kit for apps: what an app's `console/` folder may use of the console (this
 * file and `console-map.ts` are its only way in). It runs in the browser: nothing here reaches
 * server code.
 *
 * - declaring: `defineConsoleApp`, `ConsoleApp`, `ScreenProps` (menu entries, screens, settings
 *   sections, LIVE Room tiles; see docs/adding-an-app.md)
 * - context and data: `useConsole` (API client, session, words, permissions), `useLoad`, `ApiError`
 * - live events: `useLiveEvents`, `useLiveReopened`, `useLiveState`
 * - navigation: `Link`, `navigate`, `pathTo`
 * - forms and display: `Field`, `Problem`, `useForm`, `Outcome`, `SectionHead`, `Scroll`,
 *   `numberOf`, `formatWhen`, `formatDay`, `todayIn`, `LOCALES`
 */

export { type Agency, AgencyOptions, useAgencies } from '../../web/console/admin/agencies.tsx';
export {
  errorsByPath,
  numberOf,
  Outcome,
  Scroll,
  SectionHead,
  todayIn,
  useForm,
} from '../../web/console/admin/kit.tsx';
export type { Api, ConsoleConfig, FieldProblem, Session } from '../../web/console/api.ts';
export { ApiError } from '../../web/console/api.ts';
export { type ConsoleApp, defineConsoleApp, type ScreenProps } from '../../web/console/apps.ts';
export {
  type LiveEvent,
  type LiveState,
  useLiveEvents,
  useLiveReopened,
  useLiveState,
} from '../../web/console/live.ts';
export { navigate, pathTo } from '../../web/console/router.ts';
export {
  type ConsoleContext,
  dateFormat,
  Field,
  formatDay,
  formatWhen,
  Link,
  type Loaded,
  NotFound,
  Problem,
  useConsole,
  useLoad,
} from '../../web/console/ui.tsx';
export { LOCALES, type LocaleLanguage } from '../i18n/locales.ts';
