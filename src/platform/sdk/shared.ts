/**
 * The kernel's pure helpers that an app's code may use on the server and in the browser alike
 * (a file the console's or the portal's bundle imports must import the kernel only from here or
 * from `console.ts` / `client.ts`): languages' locales, and dates in a tenant's time zone.
 */
export {
  isLocalDate,
  type LocalDate,
  localDateOf,
  localInstant,
  nationalHolidayDates,
  utcOffsetMinutes,
  WorkingCalendar,
  zoneName,
} from '../calendar/working-days.ts';
export { LOCALES, type LocaleLanguage } from '../i18n/locales.ts';
