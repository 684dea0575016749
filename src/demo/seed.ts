/**
 * Demo data that tells the seeds' story: Kota Tangerang builds the apps; Badung (MoU 19 Oct 2016),
 * Bangka Selatan (MoU Sep 2016, PKS 7 May 2018, the job app only), Luwu Timur (PKS 7 May 2018,
 * sixteen apps) and Karawang (MoU 23 May 2018, still on the way) adopt them.
 * Idempotent: it does nothing when Kota Tangerang already exists.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit/audit.ts';
import { runOnLive } from '../platform/catalogue/go-live.ts';
import {
  createAgreement,
  proposeAdoption,
  syncCatalogue,
  transitionAdoption,
} from '../platform/catalogue/service.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { type Actor, SYSTEM_ACTOR, withTenant } from '../platform/db/tenant-scope.ts';
import { createUser, grantRole } from '../platform/people/service.ts';
import type { Platform } from '../platform/platform.ts';
import { createAgency, createTenant } from '../platform/tenancy/service.ts';

import { DEMO, TANGERANG_APPS } from './tenants.ts';

export { DEMO_AREAS } from './areas.ts';
export { DEMO } from './tenants.ts';

export const DEMO_PASSWORD = 'balai-demo-2026';

/** Writes the demo tenants unless they exist; returns whether anything was written. */
export async function seedDemo(platform: Platform, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  const db: Kysely<PlatformTables> = platform.database.db;
  const exists = await db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', 'kota-tangerang')
    .executeTakeFirst();
  if (exists) {
    // The last step of a complete seed is its marker in Kota Tangerang's audit trail.
    const done = await withTenant(db, exists.id, actor, (scope) =>
      scope.trx
        .selectFrom('audit_log')
        .select('id')
        .where('tenant_id', '=', scope.tenantId)
        .where('action', '=', 'demo.seeded')
        .executeTakeFirst(),
    );
    if (done) return false;
    throw new Error(
      'The demo data was only partly written (an earlier start was interrupted). Start again on an empty ' +
        'database: remove the data directory (DATA_DIR, ./data) or drop and recreate the PostgreSQL database.',
    );
  }
  const ids = new Map<string, string>();
  for (const demo of DEMO) ids.set(demo.tenant.slug, await createTenant(db, demo.tenant, actor));
  // Kota Tangerang now exists: it becomes the origin of the catalogue's apps.
  await syncCatalogue(db, platform.modules);
  for (const demo of DEMO) {
    const tenantId = ids.get(demo.tenant.slug)!;
    await withTenant(db, tenantId, actor, async (scope) => {
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
    });
  }
  await platform.directoryChanged();
  // Each installed app writes its own demo data where it is live.
  for (const tenant of platform.directory.all()) {
    // The apps went live above before the tenants were in the directory: their go-live work now.
    for (const module of platform.liveModules(tenant.id)) {
      await withTenant(db, tenant.id, actor, async (scope) => {
        await runOnLive(platform, scope, tenant, module.code);
        await module.seedDemo?.(platform, scope, tenant);
      });
    }
  }
  await withTenant(db, ids.get('kota-tangerang')!, actor, (scope) =>
    recordAudit(scope, { action: 'demo.seeded', entityType: 'tenant', entityId: scope.tenantId }),
  );
  return true;
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
