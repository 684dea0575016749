/**
 * The body of each report action (`POST /api/v1/reports/{id}/actions/<action>`): only the fields
 * the action reads, required where the service requires them (transitions.ts), with an example.
 * Each is a part of `Transition`, the service's input.
 */
import { type TObject, Type } from 'typebox';
import { type Action, REJECT_REASONS, RULES, TRACKS } from './lifecycle.ts';

const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });

const note = Text(4000, 'What was done or why: shown on the public history unless the action is internal');
const secret = Text(
  100,
  'The report’s secret code, for a reporter without an account (or the `x-report-secret` header)',
);
const officerUserId = Type.String({
  format: 'uuid',
  description: 'The officer of the agency who follows it up',
});
const agencyId = Type.String({ format: 'uuid', description: 'The agency (OPD) that follows the report up' });

type Fields = Parameters<typeof Type.Object>[0];
const body = (fields: Fields, required: readonly string[], example: Record<string, unknown>): TObject =>
  Type.Object(
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, required.includes(k) ? v : Type.Optional(v)]),
    ) as Fields,
    { additionalProperties: false, examples: [example] },
  );

/** Actions a person takes through the API (`auto_close` is the scheduler's alone). */
export type ApiAction = Exclude<Action, 'auto_close'>;

/** Each action's body, and what it does, for the API reference. */
export const ACTION_BODIES: Readonly<Record<ApiAction, { body: TObject; does: string }>> = {
  verify: {
    body: body({ note }, [], { note: 'Lokasi dan foto sesuai.' }),
    does: 'The operator checked the report: it is real and in the tenant’s area.',
  },
  request_info: {
    body: body({ note }, ['note'], { note: 'Mohon kirim foto lubang dari dekat.' }),
    does: 'The operator asks the reporter for more information; the clock stops until they answer.',
  },
  add_info: {
    body: body({ note, secret }, ['note'], {
      note: 'Foto sudah saya kirim.',
      secret: 'q3VxK8mZ1bT4nW0aR7yL2cD5',
    }),
    does: 'The reporter answers a request for information; the report is back with the operator.',
  },
  mark_duplicate: {
    body: body(
      { duplicateOf: Text(64, 'The original report: its id or tracking number'), note },
      ['duplicateOf'],
      { duplicateOf: '261204-H3KQ7' },
    ),
    does: 'The operator marks the report as a duplicate of another, which its reporter can follow.',
  },
  reject: {
    body: body({ reason: Type.Enum(REJECT_REASONS, { description: 'Why' }), note }, ['reason', 'note'], {
      reason: 'not_our_authority',
      note: 'Jalan nasional: kewenangan Balai Besar Pelaksanaan Jalan Nasional.',
    }),
    does: 'The operator refuses the report; `not_a_report` also hides it from the public.',
  },
  refer: {
    body: body(
      {
        targetTenant: Type.String({
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
          maxLength: 63,
          description: 'The slug of the tenant whose area or authority it is',
        }),
        note,
      },
      ['targetTenant'],
      { targetTenant: 'kabupaten-bogor', note: 'Lokasi di wilayah Kabupaten Bogor.' },
    ),
    does: 'The operator passes the report to another tenant on Balai, where it is filed anew.',
  },
  dispose: {
    body: body(
      { agencyId, officerUserId, track: Type.Enum(TRACKS, { description: 'The deadline track' }), note },
      [],
      {
        agencyId: '0b9f6c1e-3a4d-4f7e-9c2b-5d8e1f0a7b6c',
        track: 'standard',
        note: 'Mohon ditambal minggu ini.',
      },
    ),
    does:
      'The operator assigns the report to an agency (by default the category’s) on a deadline track; ' +
      'the follow-up clock starts.',
  },
  hand_on: {
    body: body({ agencyId, officerUserId, note }, ['agencyId'], {
      agencyId: '0b9f6c1e-3a4d-4f7e-9c2b-5d8e1f0a7b6c',
      note: 'Saluran air: kewenangan DPUPR.',
    }),
    does: 'The agency passes the report to another agency; the follow-up deadline stays.',
  },
  hand_back: {
    body: body({ note }, ['note'], { note: 'Bukan kewenangan kami.' }),
    does: 'The agency gives the report back to the operator to assign again.',
  },
  start: {
    body: body({ officerUserId, note }, [], { officerUserId: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }),
    does: 'The agency starts the work, optionally naming the officer.',
  },
  complete: {
    body: body({ note }, ['note'], { note: 'Lubang sudah ditambal.' }),
    does: 'The agency reports the work done; the reporter may confirm, rate or reopen it.',
  },
  send_back: {
    body: body({ note }, ['note'], { note: 'Foto hasil belum ada.' }),
    does: 'The operator sends finished work back to the agency, on its original deadline.',
  },
  close: {
    body: body({ note }, [], { note: 'Selesai.' }),
    does: 'The operator closes a finished report.',
  },
  confirm: {
    body: body(
      {
        rating: Type.Integer({ minimum: 1, maximum: 5, description: 'How well it was resolved, 1 to 5' }),
        comment: Text(1000, 'A comment on the resolution'),
        secret,
        note,
      },
      [],
      { rating: 5, comment: 'Cepat, terima kasih.', secret: 'q3VxK8mZ1bT4nW0aR7yL2cD5' },
    ),
    does: 'The reporter confirms the work is done (and may rate it); the report closes.',
  },
  reopen: {
    body: body({ note, secret }, ['note'], {
      note: 'Lubangnya muncul lagi.',
      secret: 'q3VxK8mZ1bT4nW0aR7yL2cD5',
    }),
    does: 'The reporter reopens a finished or closed report within the reopening window.',
  },
};

/** Who takes each action, in words. */
export const ROLE_WORDS: Readonly<Record<string, string>> = {
  operator: 'the command centre’s operator (permission to triage)',
  agency: 'the agency’s staff (permission to follow up, in the report’s agency)',
  reporter: 'the reporter (signed in, or with the report’s secret code)',
};

/** The statuses an action is taken from, in words, for its description. */
export function fromWords(action: ApiAction): string {
  return RULES[action].from.join(', ');
}
