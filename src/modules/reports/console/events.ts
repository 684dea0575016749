/** The live events the reports' screens react to: the reports' own, and agencies renamed or added. */
export const REPORT_EVENTS = [
  'report.filed',
  'report.status',
  'report.progress',
  'report.info',
  'report.overdue',
  'report.lapor',
  'agency.created',
  'agency.updated',
] as const;
