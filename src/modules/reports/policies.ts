/** Who may do what in the reports app: its named permissions (the roles holding each are in index.ts). */
export const PERM = {
  triage: 'reports.report.triage',
  followUp: 'reports.report.follow_up',
  read: 'reports.report.read',
  intake: 'reports.report.intake',
  settings: 'reports.settings.manage',
} as const;
