/** The reports app's cache tags: every writer of the tables behind a cached read invalidates its tag. */

/** Cache tag of everything public about reports (lists, details, statistics). */
export const REPORTS_TAG = 'reports';
/** Cache tag of the app's settings and categories. */
export const CONFIG_TAG = 'reports-config';

/**
 * How long a cached list, map or figure of reports holds without any write: they show what is
 * overdue now, and a report becomes overdue when its deadline passes, not when it is written; a
 * default period ends today, in the tenant's zone. Shorter than the cache's TTL.
 */
export const REPORT_VIEWS_MAX_AGE_MS = 60_000;
