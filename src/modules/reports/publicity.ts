/**
 * Whether the public may see a report: on the portal, in the public list and map, through Open311
 * and in public counts. Its reporter and staff always may. A report is public unless
 * - it was set aside as not a report at all (`public` false, by the operator's rejection);
 * - its reporter asked that it never be public (`confidential`, SP4N-LAPOR!'s "rahasia");
 * - the tenant shows reports only once verified (`verifyBeforePublic`) and no operator has yet.
 * Decided at every read, so that a change of the tenant's setting applies to every report at once.
 * `repo/reports.ts` (`publiclyVisible`) says the same in SQL: keep the two together.
 */
export function isPublic(
  report: { public: boolean; confidential: boolean; verified_at: Date | null },
  settings: { verifyBeforePublic: boolean },
): boolean {
  return (
    report.public && !report.confidential && (report.verified_at !== null || !settings.verifyBeforePublic)
  );
}
