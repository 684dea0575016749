/**
 * A process that commits a write and is killed before it delivers anything (test/signals.test.ts):
 * it opens its own platform on `DATABASE_URL`, and once PostgreSQL has acknowledged the COMMIT of
 * the transaction that emits an event and invalidates a cache tag — before the driver hands the
 * answer back, so before the local delivery and the poke to other processes — it sends itself
 * SIGKILL. It prints `committing` first, so the test knows it got that far.
 *
 * Arguments: the tenant's id, the event's type, the cache tag.
 */
import pg from 'pg';
import { invalidate } from '../../src/platform/cache/tenant-cache.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { SYSTEM_ACTOR } from '../../src/platform/db/tenant-scope.ts';
import { emitEvent } from '../../src/platform/events/hub.ts';
import { createPlatform } from '../../src/platform/platform.ts';

const [tenantId, type, tag] = process.argv.slice(2);
if (!tenantId || !type || !tag)
  throw new Error('usage: commit-then-die <tenant id> <event type> <cache tag>');
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: 'memory://',
  BASE_DOMAIN: 'balai.test',
  ...process.env,
});
const database = await openDatabase({ url: config.databaseUrl });
const platform = await createPlatform(config, database, []);

const query = pg.Client.prototype.query as (...args: unknown[]) => Promise<unknown>;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = args[0];
  const answer = query.apply(this, args);
  if (typeof text === 'string' && /; commit$/.test(text) && text.includes('platform_signals')) {
    // The COMMIT is acknowledged: die before anything else runs.
    return answer.then(() => process.kill(process.pid, 'SIGKILL'));
  }
  return answer;
} as typeof pg.Client.prototype.query;

console.log('committing');
await platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
  await emitEvent(scope, { type, entityType: 'x', entityId: null });
  await invalidate(scope, tag);
});
console.log('survived');
process.exit(1);
