/**
 * The boundary between Balai and SP4N-LAPOR!, the national complaint service: what Balai needs from
 * it, in LAPOR!'s words (`mapping.ts`), and nothing about how it is reached. `http-gateway.ts` is an
 * implementation over JSON and HTTPS against an assumed API; when KemenPAN-RB publishes the real
 * one (or gives it under the PKS), a government engineer writes another class implementing
 * `LaporGateway` and returns it from `createLaporGateway` in `exchange.ts`. Nothing else changes.
 *
 * The contract an implementation keeps:
 * - `submit` is idempotent on (region, trackingNo): sending the same report again answers the
 *   same LAPOR! id and creates nothing. The exchange relies on it after a crash or a timeout.
 * - `updatesSince` pages through what happened at LAPOR! to the region's reports (status changes,
 *   notes, and reports citizens filed at LAPOR! about the region), oldest first. The cursor is
 *   opaque to Balai: it stores it and hands it back; null asks from the beginning.
 * - `pushStatus` tells LAPOR! the report's new status, with a note the public may read.
 * - Failures throw a `LaporError`. Retrying is not the gateway's business: the exchange leaves
 *   whatever failed pending and the next run of the scheduled task tries again.
 */
import type { LaporClassification, LaporStatus } from './mapping.ts';

/** A report as Balai sends it. No reporter identity: LAPOR! follows the report through Balai. */
export type LaporSubmission = Readonly<{
  /** The region's code (kode wilayah Kemendagri, e.g. "36.71"): whose report this is. */
  region: string;
  /** Balai's tracking number: LAPOR! keeps it, with the region it is the idempotency key. */
  trackingNo: string;
  classification: LaporClassification;
  /** The category as the region names it (LAPOR! has its own; its admins may reclassify). */
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  kelurahan: string | null;
  status: LaporStatus;
  /** The public note of the step that led to `status`, if any. */
  note: string | null;
  /** When the citizen filed it in Balai (ISO 8601). */
  filedAt: string;
  /** The reporter asked that it never be public (LAPOR!'s "rahasia"): LAPOR! must not publish it. */
  confidential: boolean;
}>;

/** A report a citizen filed at LAPOR! itself about the region, as LAPOR! passes it on. */
export type LaporIncomingReport = Readonly<{
  classification: string;
  category: string | null;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  kelurahan: string | null;
  /** Null when the citizen reported anonymously or confidentially at LAPOR!. */
  reporterName: string | null;
  filedAt: string;
  /** The citizen asked LAPOR! that it never be public ("rahasia"): Balai keeps it so. */
  confidential?: boolean;
}>;

/** Something that happened at LAPOR! to one of the region's reports. */
export type LaporUpdate = Readonly<{
  laporId: string;
  /** As LAPOR! spells it; a status this version does not know is kept as a note. */
  status: string;
  note: string | null;
  /** When it happened at LAPOR! (ISO 8601). */
  at: string;
  /** Balai's tracking number when the report came from Balai, else null. */
  trackingNo: string | null;
  /** Present when the report was filed at LAPOR! (not by Balai): what the citizen wrote. */
  report?: LaporIncomingReport | null;
}>;

export type LaporPage = Readonly<{
  updates: readonly LaporUpdate[];
  /** Where the next call starts; the same cursor again when nothing new happened. */
  cursor: string | null;
}>;

export interface LaporGateway {
  /** Files a report at LAPOR!, or finds the one filed before with the same region and tracking number. */
  submit(report: LaporSubmission): Promise<{ laporId: string }>;
  /** The region's updates after `cursor` (null: from the beginning), oldest first, one page. */
  updatesSince(region: string, cursor: string | null): Promise<LaporPage>;
  /** Tells LAPOR! the report's status as of `at`, with a note the public may read. */
  pushStatus(laporId: string, status: LaporStatus, note: string | null, at: Date): Promise<void>;
}

/**
 * Why a call failed. `unavailable`: LAPOR! could not be reached, timed out, or answered 5xx, 408 or
 * 429. `unauthorized`: 401 or 403, the token or the PKS access. `protocol`: an answer this gateway
 * cannot read. `refused`: LAPOR! refused this one request (another 4xx), e.g. a report it will not
 * take; trying it again unchanged will not help. Only `refused` concerns a single report: the
 * others stop the run, since the next call would fail the same way.
 */
export type LaporFailure = 'unavailable' | 'unauthorized' | 'protocol' | 'refused';

export class LaporError extends Error {
  readonly failure: LaporFailure;
  /** The HTTP status, when there was an answer. */
  readonly status: number | null;
  constructor(failure: LaporFailure, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LaporError';
    this.failure = failure;
    this.status = options.status ?? null;
  }
}
