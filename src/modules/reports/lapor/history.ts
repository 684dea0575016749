/**
 * What the exchange writes on a report's history, and as whom: the job's actor, a public `lapor`
 * step (what LAPOR! said, or that the report went there), and texts clipped to fit.
 */
import { SYSTEM_ACTOR, type TenantScope } from '../../../platform/sdk/index.ts';
import { addEvent } from '../repo/history.ts';

/** Who acts in the exchange's transactions: on the history and the audit trail. */
export const ACTOR = Object.freeze({ ...SYSTEM_ACTOR, label: 'job reports.lapor-exchange' });

/** The text trimmed and cut to `max` characters; null when nothing is left. */
export function clip(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** A public step on the report's history: what LAPOR! said, or that the report went there. */
export async function addLaporEvent(
  scope: TenantScope,
  reportId: string,
  note: string | null,
  at: Date,
  data: Record<string, unknown>,
) {
  await addEvent(scope, reportId, {
    kind: 'lapor',
    from: null,
    to: null,
    role: 'system',
    userId: null,
    agencyId: null,
    note: clip(note, 4000),
    public: true,
    data,
    at,
  });
}
