/**
 * Demo data that tells the seeds' story: Kota Tangerang builds the apps; Badung (MoU 19 Oct 2016),
 * Bangka Selatan (MoU Sep 2016, PKS 7 May 2018, the job app only), Luwu Timur (PKS 7 May 2018,
 * sixteen apps) and Karawang (MoU 23 May 2018, still on the way) adopt them.
 * Written once, and resumed where an interrupted first start left it.
 */
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../platform/audit/audit.ts';
import { runOnLive } from '../platform/catalogue/go-live.ts';
import {
  createAgreement,
  proposeAdoption,
  syncCatalogue,
  transitionAdoption,
} from '../platform/catalogue/service.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { type Actor, SYSTEM_ACTOR, type TenantScope, withTenant } from '../platform/db/tenant-scope.ts';
import { createUser, grantRole } from '../platform/people/service.ts';
import type { Platform } from '../platform/platform.ts';
import { createAgency, createTenant } from '../platform/tenancy/service.ts';

import { DEMO, TANGERANG_APPS } from './tenants.ts';

export { DEMO_AREAS } from './areas.ts';
export { DEMO } from './tenants.ts';

export const DEMO_PASSWORD = 'balai-demo-2026';

/**
 * Marks the seed's writes in the audit trail (request id), so an interrupted seed knows its own.
 * The colon keeps it apart from every id a request can carry (http/app.ts `requestIdOf`).
 */
const SEED_REQUEST = 'demo:seed';

/** Raised when a tenant with a demo slug exists that the demo seed did not write. */
export class DemoSlugTaken extends Error {}

/**
 * Writes the demo tenants unless they are all written; returns whether anything was written.
 *
 * Resumable: each step is one transaction, marked done in the audit trail in that transaction,
 * and skipped when found done, so a start that was killed half-way finishes the seed at the next
 * start. Processes starting together on one PostgreSQL database take turns (an advisory lock):
 * the second finds the seed done. `progress` hears each tenant as it is written.
 */
export async function seedDemo(
  platform: Platform,
  actor: Actor = SYSTEM_ACTOR,
  progress: (step: string) => void = () => {},
): Promise<boolean> {
  const seedActor: Actor = Object.freeze({ ...actor, requestId: SEED_REQUEST });
  return withSeedLock(platform, async () => {
    const db: Kysely<PlatformTables> = platform.database.db;
    if (await seedFinished(db)) return false;
    const ids = new Map<string, string>();
    for (const demo of DEMO) ids.set(demo.tenant.slug, await demoTenant(db, demo.tenant, seedActor));
    // Kota Tangerang now exists: it becomes the origin of the catalogue's apps.
    await syncCatalogue(db, platform.modules);
    for (const demo of DEMO) {
      await withTenant(db, ids.get(demo.tenant.slug)!, seedActor, async (scope) => {
        if (await stepDone(scope, 'demo.tenant-seeded', 'tenant')) return;
        await writeTenantStory(platform, scope, demo);
        await recordAudit(scope, {
          action: 'demo.tenant-seeded',
          entityType: 'tenant',
          entityId: scope.tenantId,
        });
      });
      progress(demo.tenant.slug);
    }
    await platform.directoryChanged();
    // Each installed app writes its own demo data where it is live.
    for (const slug of ids.keys()) {
      const tenant = platform.directory.bySlug(slug)!;
      // The apps went live above before the tenants were in the directory: their go-live work now.
      for (const module of platform.liveModules(tenant.id)) {
        await withTenant(db, tenant.id, seedActor, async (scope) => {
          const step = `app:${module.code}`;
          if (await stepDone(scope, 'demo.app-seeded', step)) return;
          await runOnLive(platform, scope, tenant, module.code);
          await module.seedDemo?.(platform, scope, tenant);
          await recordAudit(scope, { action: 'demo.app-seeded', entityType: step, entityId: scope.tenantId });
        });
      }
    }
    await withTenant(db, ids.get('kota-tangerang')!, seedActor, (scope) =>
      recordAudit(scope, { action: 'demo.seeded', entityType: 'tenant', entityId: scope.tenantId }),
    );
    progress('done');
    return true;
  });
}

/** Agencies, people, agreements and adoptions of one demo tenant. */
async function writeTenantStory(platform: Platform, scope: TenantScope, demo: (typeof DEMO)[number]) {
  const agencies = new Map<string, string>();
  for (const { parentCode, ...a } of demo.agencies) {
    const row = await createAgency(scope, {
      ...a,
      parentId: parentCode ? agencies.get(parentCode) : null,
    });
    agencies.set(a.code, row.id);
  }
  for (const u of demo.users) {
    const userId = await createUser(scope, {
      kind: u.kind,
      displayName: u.name,
      email: u.email,
      ...(u.nip ? { nip: u.nip } : {}),
      ...(u.nik ? { nik: u.nik } : {}),
      password: DEMO_PASSWORD,
    });
    for (const [role, agencyCode] of u.roles) {
      await grantRole(scope, userId, { role, agencyId: agencyCode ? agencies.get(agencyCode) : null });
    }
  }
  const agreements = new Map<string, string>();
  for (const a of demo.agreements) {
    const id = await createAgreement(scope, {
      kind: a.kind,
      number: a.number,
      signedOn: a.signedOn,
      partner: 'kota-tangerang',
      signatories: [
        { name: a.signatory[0], title: a.signatory[1], party: demo.tenant.name },
        { name: 'Arief R. Wismansyah', title: 'Wali Kota Tangerang', party: 'Kota Tangerang' },
      ],
    });
    agreements.set(a.kind, id);
  }
  for (const group of demo.adoptions) {
    // Kota Tangerang built every app: one installed since the story was written is live there too.
    const apps =
      group.apps === TANGERANG_APPS
        ? [...group.apps, ...platform.modules.map((m) => m.code).filter((c) => !group.apps.includes(c))]
        : group.apps;
    for (const app of apps) {
      await proposeAdoption(scope, { app, channel: group.channel, origin: 'kota-tangerang' });
      for (const step of group.steps) {
        await transitionAdoption(scope, demo.tenant.timeZone, app, group.channel, {
          to: step.to as 'live',
          on: step.on,
          ...(step.agreement ? { agreementId: agreements.get(step.agreement) } : {}),
        });
      }
    }
  }
}

/** Whether the seed's last step, its marker in Kota Tangerang's audit trail, is written. */
async function seedFinished(db: Kysely<PlatformTables>): Promise<boolean> {
  const tangerang = await db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', 'kota-tangerang')
    .executeTakeFirst();
  if (!tangerang) return false;
  // Any marker counts: a seed written before the steps were marked left one without a request id.
  return withTenant(db, tangerang.id, SYSTEM_ACTOR, async (scope) => {
    const marker = await scope.trx
      .selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .where('action', '=', 'demo.seeded')
      .executeTakeFirst();
    return marker !== undefined;
  });
}

async function stepDone(scope: TenantScope, action: string, entityType: string): Promise<boolean> {
  const row = await scope.trx
    .selectFrom('audit_log')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('action', '=', action)
    .where('entity_type', '=', entityType)
    .where('request_id', '=', SEED_REQUEST)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The demo tenant's id: created now, or found from an interrupted seed. A tenant with the slug
 * that the seed did not create is somebody's real data: the seed stops rather than write into it.
 */
async function demoTenant(
  db: Kysely<PlatformTables>,
  tenant: (typeof DEMO)[number]['tenant'],
  actor: Actor,
): Promise<string> {
  const existing = await db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', tenant.slug)
    .executeTakeFirst();
  if (!existing) return createTenant(db, tenant, actor);
  const ours = await withTenant(db, existing.id, SYSTEM_ACTOR, (scope) =>
    stepDone(scope, 'tenant.create', 'tenant'),
  );
  if (!ours) {
    throw new DemoSlugTaken(
      `A tenant "${tenant.slug}" exists that the demo data did not write: the demo needs a database without ` +
        'its tenants. Start with SEED_DEMO=false, or on an empty database.',
    );
  }
  return existing.id;
}

/** Key of the advisory lock that lets one process at a time write the demo data. */
const SEED_LOCK = 0x6ba1a1_5eed;

/**
 * Runs `fn` holding a PostgreSQL session lock, on a connection kept for it alone. It asks again
 * every fifth of a second rather than waiting inside one statement, which the statement timeout
 * would cut short while another process seeds. The embedded database has one process by
 * construction (db/data-dir-lock.ts) and one connection, which the seed itself needs: there it
 * runs as is.
 */
async function withSeedLock<T>(platform: Platform, fn: () => Promise<T>): Promise<T> {
  if (platform.database.kind !== 'postgres') return fn();
  return platform.database.db.connection().execute(async (connection) => {
    for (;;) {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(${SEED_LOCK}) as locked`.execute(connection);
      if (rows[0]?.locked) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(connection);
    }
  });
}

/** The demo sign-ins printed at start and written in the README. */
export function demoCredentials(): Array<{ tenant: string; email: string; roles: string }> {
  return DEMO.flatMap((d) =>
    d.users.map((u) => ({
      tenant: d.tenant.slug,
      email: u.email,
      roles: u.roles.map(([r, a]) => (a ? `${r}@${a}` : r)).join(', ') || 'citizen',
    })),
  );
}
