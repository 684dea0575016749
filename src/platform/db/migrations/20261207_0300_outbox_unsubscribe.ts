/**
 * An email may carry the address that stops it (`List-Unsubscribe`, RFC 2369, with RFC 8058's
 * one-click POST), so a mail client can offer "unsubscribe" beside the message.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['alter table notification_outbox add column unsubscribe_url text']);
}
