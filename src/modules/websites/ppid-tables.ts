/**
 * Row types of the PPID's tables as migration 20261208_0501 leaves them (the grounds of a refusal
 * and of an objection, the extension's time, the yearly number sequence), beside the app's.
 */
import type { Transaction } from 'kysely';
import type { TenantScope } from '../../platform/sdk/index.ts';
import type { AppTables, InfoRequestsTable } from './tables.ts';

/** Pasal 17 UU 14/2008: the information a public body may withhold, letters a–j. */
export const REFUSAL_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
/** Pasal 35 ayat 1 UU 14/2008: the grounds of an objection, letters a–g. */
export const OBJECTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];
export const ANSWER_KINDS = ['granted', 'partly', 'refused', 'not_held'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const DELIVERIES = ['email', 'pickup', 'post'] as const;

export interface PpidRequestsTable extends InfoRequestsTable {
  refusal_ground: RefusalGround | null;
  objection_ground: ObjectionGround | null;
  extended_at: Date | null;
}

export interface PpidNumbersTable {
  tenant_id: string;
  year: number;
  last: number;
}

export interface PpidTables extends Omit<AppTables, 'websites_info_requests'> {
  websites_info_requests: PpidRequestsTable;
  websites_ppid_numbers: PpidNumbersTable;
}

/** The scope's transaction, typed with the PPID's tables. */
export function ppidTx(scope: TenantScope): Transaction<PpidTables> {
  return scope.trx as unknown as Transaction<PpidTables>;
}
