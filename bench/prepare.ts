/**
 * Bench data, written in-process with the platform's own services (the same checks and audit trail
 * as the API): tenants (kota) with a set of agencies (OPD), a few staff accounts, and an API token
 * for a tenant administrator of each. The database is closed afterwards so that the server process
 * can open it (PGlite allows one process at a time).
 */

import { bootPlatform } from '../src/platform/boot.ts';
import type { Role } from '../src/platform/catalogue/manifest.ts';
import type { Config } from '../src/platform/config.ts';
import { SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import { issueToken } from '../src/platform/people/auth.ts';
import { createUser, grantRole } from '../src/platform/people/service.ts';
import type { AGENCY_KINDS } from '../src/platform/tenancy/schemas.ts';
import { createAgency, createTenant } from '../src/platform/tenancy/service.ts';

export type BenchTenant = Readonly<{ slug: string; token: string }>;

const AGENCIES: ReadonlyArray<readonly [code: string, name: string, kind: (typeof AGENCY_KINDS)[number]]> = [
  ['SETDA', 'Sekretariat Daerah', 'secretariat'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas'],
  ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas'],
  ['DINKES', 'Dinas Kesehatan', 'dinas'],
  ['DISDIK', 'Dinas Pendidikan', 'dinas'],
  ['DISNAKER', 'Dinas Ketenagakerjaan', 'dinas'],
  ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas'],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan'],
  ['BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'badan'],
  ['BKPSDM', 'Badan Kepegawaian dan Pengembangan SDM', 'badan'],
  ['KEC-CIPONDOH', 'Kecamatan Cipondoh', 'kecamatan'],
  ['KEC-KARAWACI', 'Kecamatan Karawaci', 'kecamatan'],
];

/** Staff per tenant: the first is the tenant administrator whose token the bench uses. */
const STAFF_ROLES: ReadonlyArray<Role> = ['tenant_admin', 'auditor', 'auditor', 'auditor', 'auditor'];

/** A Kemendagri code valid for a kota (PP.71 to PP.98), distinct for each index. */
function cityCode(index: number): string {
  return `${31 + Math.floor(index / 28)}.${String(71 + (index % 28)).padStart(2, '0')}`;
}

export const BENCH_AGENCY_COUNT = AGENCIES.length;
export const BENCH_STAFF_COUNT = STAFF_ROLES.length;

/** Writes `tenantCount` bench tenants; returns each one's slug and an administrator's API token. */
export async function prepareData(config: Config, tenantCount: number): Promise<BenchTenant[]> {
  const platform = await bootPlatform(config);
  try {
    const slugs: string[] = [];
    for (let i = 0; i < tenantCount; i += 1) {
      const slug = `bench-${String(i + 1).padStart(2, '0')}`;
      await createTenant(
        platform.database.db,
        { slug, code: cityCode(i), kind: 'kota', name: `Kota Bench ${i + 1}`, timeZone: 'Asia/Jakarta' },
        SYSTEM_ACTOR,
      );
      slugs.push(slug);
    }
    await platform.directoryChanged();
    const tenants: BenchTenant[] = [];
    for (const slug of slugs) {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      const token = await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        for (const [code, name, kind] of AGENCIES) await createAgency(scope, { code, name, kind });
        let adminId = '';
        for (const [n, role] of STAFF_ROLES.entries()) {
          const userId = await createUser(scope, {
            kind: 'staff',
            displayName: `Staf Bench ${n + 1}`,
            email: `staf${n + 1}@${slug}.bench.test`,
            nip: `198503122010011${String(n + 1).padStart(3, '0')}`,
            password: 'bench-password-2026',
          });
          await grantRole(scope, userId, { role, agencyId: null });
          if (n === 0) adminId = userId;
        }
        return (await issueToken(scope, adminId, 'bench', null)).token;
      });
      tenants.push({ slug, token });
    }
    return tenants;
  } finally {
    await platform.close();
  }
}

/**
 * Takes an app live for the scope's tenant as the test harness's `makeLive` does: its adoption
 * row, without the agreements the console records (the bench measures the app, not onboarding).
 */
export async function takeLive(scope: TenantScope, app: string): Promise<void> {
  await scope.trx
    .insertInto('adoptions')
    .values({
      tenant_id: scope.tenantId,
      app_code: app,
      channel: 'web',
      status: 'live',
      origin_tenant_id: null,
      mou_id: null,
      pks_id: null,
      live_since: '2026-01-05',
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'app_code', 'channel']).doUpdateSet({ status: 'live' }))
    .execute();
}
