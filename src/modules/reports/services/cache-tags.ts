/** The reports app's cache tags: every writer of the tables behind a cached read invalidates its tag. */

/** Cache tag of everything public about reports (lists, details, statistics). */
export const REPORTS_TAG = 'reports';
/** Cache tag of the app's settings and categories. */
export const CONFIG_TAG = 'reports-config';
