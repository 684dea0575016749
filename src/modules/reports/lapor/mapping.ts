/**
 * Balai's words for a report in SP4N-LAPOR!'s words, both ways: statuses and classifications.
 * Pure: no database, no network.
 *
 * ASSUMPTION: the LAPOR! names below are taken from LAPOR!'s public pages and user guides, not from
 * an API specification (none is public). Confirm them, and the meaning of each, against the PKS
 * technical annex or the API documentation from KemenPAN-RB before going live; if the real API
 * numbers its statuses, translate them inside the gateway and keep these names here.
 */
import { ACTIONS, type Action, nextStatus, type ReportType, RULES, type Status } from '../lifecycle.ts';

export const LAPOR_STATUSES = [
  'Belum Diverifikasi',
  'Diverifikasi',
  'Didisposisikan',
  'Ditindaklanjuti',
  'Selesai',
  'Arsip',
  'Ditolak',
] as const;
export type LaporStatus = (typeof LAPOR_STATUSES)[number];

/** What Balai tells LAPOR! for each of its statuses. */
export const TO_LAPOR: Readonly<Record<Status, LaporStatus>> = {
  received: 'Belum Diverifikasi',
  awaiting_info: 'Belum Diverifikasi',
  verified: 'Diverifikasi',
  disposed: 'Didisposisikan',
  in_progress: 'Ditindaklanjuti',
  // Followed up, waiting for the reporter: LAPOR! calls a report finished only once it is closed.
  done: 'Ditindaklanjuti',
  reopened: 'Ditindaklanjuti',
  closed: 'Selesai',
  rejected: 'Ditolak',
  duplicate: 'Arsip',
  // The neighbour files its own copy (and sends it to LAPOR! if it exchanges): this one is archived.
  referred: 'Arsip',
};

/**
 * The Balai status a LAPOR! status stands for, when LAPOR! says it about a report: null when it
 * asks nothing of Balai ('Arsip': archived nationally, Balai decides for itself). Balai moves a
 * report there only through an action the state machine gives the system (see `actionForLapor`).
 */
export const FROM_LAPOR: Readonly<Record<LaporStatus, Status | null>> = {
  'Belum Diverifikasi': null,
  Diverifikasi: 'verified',
  Didisposisikan: 'disposed',
  Ditindaklanjuti: 'in_progress',
  Selesai: 'closed',
  Arsip: null,
  Ditolak: 'rejected',
};

const BY_KEY = new Map(LAPOR_STATUSES.map((s) => [key(s), s]));

function key(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A status as LAPOR! spelled it (any case, extra spaces), or null when this version does not know it. */
export function parseLaporStatus(raw: string): LaporStatus | null {
  return BY_KEY.get(key(raw)) ?? null;
}

/**
 * What Balai does by itself when LAPOR! reports `laporStatus` on a report in `from`: the action of
 * the system role that leads there from `from`, or null — an unknown status, one that asks
 * nothing, one the report is already in, or one the state machine leaves to a person (then the
 * update is only recorded as a note for the operator).
 */
export function actionForLapor(from: Status, laporStatus: string): Action | null {
  const known = parseLaporStatus(laporStatus);
  const target = known ? FROM_LAPOR[known] : null;
  if (!target || target === from) return null;
  return ACTIONS.find((a) => RULES[a].by === 'system' && nextStatus(from, a) === target) ?? null;
}

/** LAPOR!'s three classifications (klasifikasi laporan). */
export const LAPOR_CLASSIFICATIONS = ['Pengaduan', 'Aspirasi', 'Permintaan Informasi'] as const;
export type LaporClassification = (typeof LAPOR_CLASSIFICATIONS)[number];

export const TO_LAPOR_CLASSIFICATION: Readonly<Record<ReportType, LaporClassification>> = {
  complaint: 'Pengaduan',
  aspiration: 'Aspirasi',
  information_request: 'Permintaan Informasi',
};

/** The Balai report type of a LAPOR! classification; a complaint when LAPOR! says something else. */
export function fromLaporClassification(raw: string | null | undefined): ReportType {
  const k = key(raw ?? '');
  for (const [type, name] of Object.entries(TO_LAPOR_CLASSIFICATION)) {
    if (key(name) === k) return type as ReportType;
  }
  return 'complaint';
}
