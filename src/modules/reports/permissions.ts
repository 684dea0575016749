/**
 * The reports app's permissions (its manifest declares them with their roles). A file of its own,
 * with no imports, so that the staff console's bundle names them without the server's code.
 */
export const PERM = {
  triage: 'reports.report.triage',
  followUp: 'reports.report.follow_up',
  read: 'reports.report.read',
  intake: 'reports.report.intake',
  settings: 'reports.settings.manage',
} as const;
