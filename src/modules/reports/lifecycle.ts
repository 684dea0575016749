/**
 * The life of a report as a closed state machine: its statuses, the actions that move it, who may
 * take each action, and the deadline stage each status belongs to. Pure: no database, no clock.
 *
 *   received ──verify──▶ verified ──dispose──▶ disposed ──start──▶ in_progress ──complete──▶ done
 *      │  ▲                  │                   │  ▲ hand_on            │  ▲ send_back       │
 *      │  └─add_info── awaiting_info             │  └──────────┘         │  └────────────────┤
 *      ├─reject/duplicate/refer (also from verified, awaiting_info, reopened)                │
 *      │                     ▲ hand_back ────────┴───────────────────────┘                  close,
 *   reopened ◀──reopen── closed ◀──────────────────────────────────────────── confirm, auto_close
 */

export const STATUSES = [
  'received',
  'awaiting_info',
  'verified',
  'disposed',
  'in_progress',
  'done',
  'closed',
  'rejected',
  'referred',
  'duplicate',
  'reopened',
] as const;
export type Status = (typeof STATUSES)[number];

export const REPORT_TYPES = ['aspiration', 'complaint', 'information_request'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** How much time the agency gets once a report is disposed (SP4N-LAPOR! defaults per track). */
export const TRACKS = ['standard', 'dispute', 'field_work'] as const;
export type Track = (typeof TRACKS)[number];

export const REJECT_REASONS = ['not_our_authority', 'insufficient_information', 'not_a_report'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Who takes an action: the command centre, the agency (and its field officers), the reporter, a job. */
export type ActorRole = 'operator' | 'agency' | 'reporter' | 'system';

export const ACTIONS = [
  'verify',
  'request_info',
  'add_info',
  'mark_duplicate',
  'reject',
  'refer',
  'dispose',
  'hand_on',
  'hand_back',
  'start',
  'complete',
  'send_back',
  'close',
  'confirm',
  'reopen',
  'auto_close',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = Readonly<{ from: readonly Status[]; to: Status; by: ActorRole }>;

const TRIAGE_FROM: readonly Status[] = ['received', 'awaiting_info', 'verified', 'reopened'];

/** The transition table: an action is legal only from the listed statuses, and only for its role. */
export const RULES: Readonly<Record<Action, Rule>> = {
  verify: { from: ['received', 'reopened'], to: 'verified', by: 'operator' },
  request_info: { from: ['received', 'verified', 'reopened'], to: 'awaiting_info', by: 'operator' },
  add_info: { from: ['awaiting_info'], to: 'received', by: 'reporter' },
  mark_duplicate: { from: TRIAGE_FROM, to: 'duplicate', by: 'operator' },
  reject: { from: TRIAGE_FROM, to: 'rejected', by: 'operator' },
  refer: { from: TRIAGE_FROM, to: 'referred', by: 'operator' },
  dispose: { from: ['verified', 'reopened'], to: 'disposed', by: 'operator' },
  hand_on: { from: ['disposed', 'in_progress'], to: 'disposed', by: 'agency' },
  hand_back: { from: ['disposed', 'in_progress'], to: 'verified', by: 'agency' },
  start: { from: ['disposed'], to: 'in_progress', by: 'agency' },
  complete: { from: ['disposed', 'in_progress'], to: 'done', by: 'agency' },
  send_back: { from: ['done'], to: 'in_progress', by: 'operator' },
  close: { from: ['done'], to: 'closed', by: 'operator' },
  confirm: { from: ['done'], to: 'closed', by: 'reporter' },
  reopen: { from: ['done', 'closed'], to: 'reopened', by: 'reporter' },
  auto_close: { from: ['done'], to: 'closed', by: 'system' },
};

/** The status after `action`, or null when the action is illegal from `from`. */
export function nextStatus(from: Status, action: Action): Status | null {
  const rule = RULES[action];
  return rule.from.includes(from) ? rule.to : null;
}

/** The actions legal from `status` for `role`, in table order. */
export function actionsFrom(status: Status, role: ActorRole): Action[] {
  return ACTIONS.filter((a) => RULES[a].by === role && RULES[a].from.includes(status));
}

/**
 * Which clock runs in a status. `triage`: verify and forward (3 working days); `follow_up`: the
 * agency's time (by track); `reporter`: the silence after the follow-up that closes the report
 * (10 working days); null: no clock (waiting on the reporter, or finished).
 */
export type Stage = 'triage' | 'follow_up' | 'reporter';

export function stageOf(status: Status): Stage | null {
  switch (status) {
    case 'received':
    case 'verified':
    case 'reopened':
      return 'triage';
    case 'disposed':
    case 'in_progress':
      return 'follow_up';
    case 'done':
      return 'reporter';
    default:
      return null;
  }
}

/** Statuses in which a report is finished (no more clock, no more work). */
export const FINAL_STATUSES: readonly Status[] = ['closed', 'rejected', 'referred', 'duplicate'];

/** The Open311 reading of a status: open while work may still happen on it. */
export function open311Status(status: Status): 'open' | 'closed' {
  return FINAL_STATUSES.includes(status) ? 'closed' : 'open';
}
