/**
 * A scheduled publication names the revision it will publish: the post's head may move on (a new
 * save) before the time comes, and then nothing unreviewed may go out with it.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['alter table websites_posts add column scheduled_revision integer']);
}
