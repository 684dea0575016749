/**
 * A publication at a time may be of a post already public (a correction scheduled for the
 * morning): it keeps its status `published` until then, so "due" is any post with a `publish_at`.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop index websites_posts_due',
    'create index websites_posts_due on websites_posts (publish_at) where publish_at is not null',
  ]);
}
