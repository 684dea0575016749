/**
 * Demo data that tells the seeds' story: Kota Tangerang builds the apps; Badung (MoU 19 Oct 2016),
 * Bangka Selatan (MoU Sep 2016, PKS 7 May 2018, the job app only), Luwu Timur (PKS 7 May 2018,
 * sixteen apps) and Karawang (MoU 23 May 2018, still on the way) adopt them.
 * Idempotent: it does nothing when Kota Tangerang already exists.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit/audit.ts';
import { runOnLive } from '../platform/catalogue/go-live.ts';
import type { Channel, Role } from '../platform/catalogue/manifest.ts';
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
import type { Area, Position } from '../platform/tenancy/area.ts';
import type { CreateAgencyInput, CreateTenantInput } from '../platform/tenancy/schemas.ts';
import { createAgency, createTenant } from '../platform/tenancy/service.ts';

export const DEMO_PASSWORD = 'balai-demo-2026';

type DemoUser = {
  email: string;
  name: string;
  kind: 'staff' | 'citizen';
  nip?: string;
  nik?: string;
  roles: Array<[Role, string?]>;
};
type Step = { to: string; on: string; agreement?: 'mou' | 'pks' };
type DemoTenant = {
  tenant: CreateTenantInput;
  agencies: Array<CreateAgencyInput & { parentCode?: string }>;
  users: DemoUser[];
  agreements: Array<{ kind: 'mou' | 'pks'; number: string; signedOn: string; signatory: [string, string] }>;
  adoptions: Array<{ apps: string[]; channel: Channel; steps: Step[] }>;
};

const TANGERANG_APPS = [
  'reports',
  'citizen-portal',
  'command-centre',
  'market-prices',
  'jobs',
  'e-office',
  'open-data',
  'field-response',
  'queues',
  'permits',
  'webgis',
];
const LUTIM_APPS = [
  'e-office',
  'staff-records',
  'reports',
  'citizen-portal',
  'open-data',
  'agency-sites',
  'archives',
  'market-prices',
  'queues',
  'audit-office',
  'permits',
  'school-data',
  'public-services',
  'field-response',
  'hospital-beds',
  'webgis',
];

const kominfo = (code: string, name: string) => ({ code, name, kind: 'dinas' as const });

/**
 * The demo tenants' areas: rough outlines of 6–20 vertices drawn by hand from general knowledge of
 * the map, [longitude, latitude]. They are approximations for trying the feature, NOT official
 * boundaries (those are Kemendagri's and BIG's); a real tenant records its own.
 */
const polygon = (...outline: Position[]): Position[][] => [[...outline, outline[0]!]];
export const DEMO_AREAS: Readonly<Record<string, Area>> = {
  'kota-tangerang': {
    type: 'Polygon',
    coordinates: polygon(
      [106.59, -6.15],
      [106.62, -6.135],
      [106.65, -6.122],
      [106.69, -6.12],
      [106.715, -6.135],
      [106.725, -6.165],
      [106.73, -6.2],
      [106.72, -6.23],
      [106.7, -6.255],
      [106.67, -6.268],
      [106.64, -6.262],
      [106.61, -6.245],
      [106.585, -6.225],
      [106.572, -6.195],
      [106.575, -6.17],
    ),
  },
  // Badung runs from the Bukit peninsula up to the mountains at Petang, west of Kota Denpasar.
  'kabupaten-badung': {
    type: 'Polygon',
    coordinates: polygon(
      [115.21, -8.295],
      [115.245, -8.33],
      [115.24, -8.42],
      [115.225, -8.5],
      [115.205, -8.57],
      [115.185, -8.64],
      [115.19, -8.7],
      [115.185, -8.74],
      [115.23, -8.75],
      [115.24, -8.8],
      [115.2, -8.85],
      [115.12, -8.85],
      [115.08, -8.82],
      [115.1, -8.77],
      [115.155, -8.76],
      [115.158, -8.72],
      [115.13, -8.66],
      [115.1, -8.6],
      [115.13, -8.5],
      [115.16, -8.4],
    ),
  },
  'kabupaten-luwu-timur': {
    type: 'Polygon',
    coordinates: polygon(
      [120.55, -2.1],
      [120.9, -2.0],
      [121.25, -2.05],
      [121.55, -2.15],
      [121.8, -2.35],
      [121.75, -2.7],
      [121.65, -2.95],
      [121.4, -3.0],
      [121.25, -2.85],
      [121.1, -2.68],
      [120.95, -2.65],
      [120.75, -2.7],
      [120.55, -2.62],
      [120.45, -2.4],
    ),
  },
  // The south of Bangka island and Pulau Lepar to its east: a MultiPolygon.
  'kabupaten-bangka-selatan': {
    type: 'MultiPolygon',
    coordinates: [
      polygon(
        [105.9, -2.55],
        [106.2, -2.52],
        [106.45, -2.55],
        [106.62, -2.62],
        [106.72, -2.8],
        [106.68, -2.95],
        [106.58, -3.05],
        [106.45, -3.1],
        [106.35, -3.05],
        [106.2, -2.95],
        [106.0, -2.85],
        [105.85, -2.72],
      ),
      polygon([106.78, -2.88], [106.92, -2.87], [106.95, -2.97], [106.88, -3.05], [106.78, -3.0]),
    ],
  },
  'kabupaten-karawang': {
    type: 'Polygon',
    coordinates: polygon(
      [107.1, -5.98],
      [107.25, -5.92],
      [107.4, -5.93],
      [107.55, -6.02],
      [107.65, -6.1],
      [107.62, -6.25],
      [107.55, -6.35],
      [107.45, -6.48],
      [107.35, -6.55],
      [107.22, -6.52],
      [107.12, -6.42],
      [107.08, -6.3],
      [107.12, -6.15],
    ),
  },
};

export const DEMO: DemoTenant[] = [
  {
    tenant: {
      slug: 'kota-tangerang',
      area: DEMO_AREAS['kota-tangerang'],
      code: '36.71',
      kind: 'kota',
      name: 'Kota Tangerang',
      timeZone: 'Asia/Jakarta',
      domains: ['tangerang-live.test'],
      branding: {
        displayName: 'Tangerang LIVE',
        logoUrl: null,
        primaryColor: '#0b5cad',
        accentColor: '#f2a900',
      },
    },
    agencies: [
      { code: 'SETDA', name: 'Sekretariat Daerah', kind: 'secretariat' },
      kominfo('DISKOMINFO', 'Dinas Komunikasi dan Informatika'),
      { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'dinas' },
      { code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'dinas' },
      { code: 'DISPERINDAG', name: 'Dinas Perindustrian, Perdagangan, Koperasi dan UKM', kind: 'dinas' },
      { code: 'DISNAKER', name: 'Dinas Ketenagakerjaan', kind: 'dinas' },
      { code: 'DAMKAR', name: 'Dinas Pemadam Kebakaran dan Penyelamatan', kind: 'dinas' },
      { code: 'KEC-CIPONDOH', name: 'Kecamatan Cipondoh', kind: 'kecamatan' },
      {
        code: 'KEL-CIPONDOH-INDAH',
        name: 'Kelurahan Cipondoh Indah',
        kind: 'kelurahan',
        parentCode: 'KEC-CIPONDOH',
      },
    ],
    users: [
      {
        email: 'platform@tangerang.balai.test',
        name: 'Admin Platform Balai',
        kind: 'staff',
        nip: '198503122010011003',
        roles: [['platform_admin']],
      },
      {
        email: 'admin@tangerang.balai.test',
        name: 'Admin Kota Tangerang',
        kind: 'staff',
        nip: '198807252012122001',
        roles: [['tenant_admin']],
      },
      {
        email: 'operator@tangerang.balai.test',
        name: 'Operator LIVE Room',
        kind: 'staff',
        nip: '199001152015031002',
        // The command centre triages the whole city's reports: a tenant-wide grant.
        roles: [['operator']],
      },
      {
        email: 'pupr@tangerang.balai.test',
        name: 'Petugas DPUPR',
        kind: 'staff',
        nip: '198912302014021001',
        roles: [
          ['officer', 'DPUPR'],
          ['agency_admin', 'DPUPR'],
        ],
      },
      {
        email: 'pasar@tangerang.balai.test',
        name: 'Petugas Pasar Disperindag',
        kind: 'staff',
        nip: '198705122012011003',
        // Enters the daily prices of the markets assigned to them (the market prices app).
        roles: [['officer', 'DISPERINDAG']],
      },
      {
        email: 'disperindag@tangerang.balai.test',
        name: 'Penyelia Harga Disperindag',
        kind: 'staff',
        nip: '199203082016042001',
        // Verifies and publishes the markets' prices of the agency.
        roles: [['agency_admin', 'DISPERINDAG']],
      },
      {
        email: 'auditor@tangerang.balai.test',
        name: 'Inspektorat Kota',
        kind: 'staff',
        nip: '197806142005012002',
        roles: [['auditor']],
      },
      {
        email: 'warga@tangerang.balai.test',
        name: 'Siti Rahmawati',
        kind: 'citizen',
        nik: '3671054708900003',
        roles: [],
      },
    ],
    agreements: [],
    adoptions: [
      {
        apps: TANGERANG_APPS,
        channel: 'web',
        steps: [
          { to: 'onboarding', on: '2015-06-01' },
          { to: 'live', on: '2016-01-04' },
        ],
      },
      {
        apps: ['reports', 'citizen-portal', 'jobs'],
        channel: 'android',
        steps: [
          { to: 'onboarding', on: '2016-03-01' },
          { to: 'live', on: '2016-06-01' },
        ],
      },
    ],
  },
  {
    tenant: {
      slug: 'kabupaten-badung',
      area: DEMO_AREAS['kabupaten-badung'],
      code: '51.03',
      kind: 'kabupaten',
      name: 'Kabupaten Badung',
      timeZone: 'Asia/Makassar',
    },
    agencies: [
      kominfo('DISKOMINFO', 'Dinas Komunikasi dan Informatika'),
      { code: 'DISPERINDAG', name: 'Dinas Perindustrian dan Perdagangan', kind: 'dinas' },
      { code: 'KEC-KUTA', name: 'Kecamatan Kuta', kind: 'kecamatan' },
    ],
    users: [
      {
        email: 'admin@badung.balai.test',
        name: 'Admin Kabupaten Badung',
        kind: 'staff',
        nip: '198204172009011004',
        roles: [['tenant_admin']],
      },
    ],
    agreements: [
      {
        kind: 'mou',
        number: '415.4/01-MoU/Kominfo/2016',
        signedOn: '2016-10-19',
        signatory: ['I Nyoman Giri Prasta', 'Bupati Badung'],
      },
      {
        kind: 'pks',
        number: '415.4/07-PKS/Kominfo/2017',
        signedOn: '2017-03-14',
        signatory: ['I Nyoman Giri Prasta', 'Bupati Badung'],
      },
    ],
    adoptions: [
      {
        apps: ['reports', 'market-prices', 'e-office', 'citizen-portal'],
        channel: 'web',
        steps: [
          { to: 'mou_signed', on: '2016-10-19', agreement: 'mou' },
          { to: 'pks_signed', on: '2017-03-14', agreement: 'pks' },
          { to: 'onboarding', on: '2017-04-03' },
          { to: 'live', on: '2017-08-01' },
        ],
      },
      {
        apps: ['queues'],
        channel: 'web',
        steps: [
          { to: 'mou_signed', on: '2016-10-19', agreement: 'mou' },
          { to: 'pks_signed', on: '2017-03-14', agreement: 'pks' },
          { to: 'onboarding', on: '2018-01-08' },
        ],
      },
      {
        apps: ['jobs'],
        channel: 'android',
        steps: [
          { to: 'mou_signed', on: '2016-10-19', agreement: 'mou' },
          { to: 'pks_signed', on: '2017-03-14', agreement: 'pks' },
          { to: 'onboarding', on: '2017-04-03' },
          { to: 'live', on: '2017-09-01' },
          { to: 'suspended', on: '2020-02-03' },
        ],
      },
    ],
  },
  {
    tenant: {
      slug: 'kabupaten-luwu-timur',
      area: DEMO_AREAS['kabupaten-luwu-timur'],
      code: '73.24',
      kind: 'kabupaten',
      name: 'Kabupaten Luwu Timur',
      timeZone: 'Asia/Makassar',
    },
    agencies: [
      kominfo('DISKOMINFO', 'Dinas Komunikasi, Informatika, Statistik dan Persandian'),
      { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' },
      { code: 'KEC-MALILI', name: 'Kecamatan Malili', kind: 'kecamatan' },
    ],
    users: [
      {
        email: 'admin@luwutimur.balai.test',
        name: 'Admin Kabupaten Luwu Timur',
        kind: 'staff',
        nip: '198601092011011005',
        roles: [['tenant_admin']],
      },
    ],
    agreements: [
      {
        kind: 'mou',
        number: '555/02/MoU/Diskominfo/2018',
        signedOn: '2018-02-12',
        signatory: ['H. Muh. Thorig Husler', 'Bupati Luwu Timur'],
      },
      {
        kind: 'pks',
        number: '555/11/PKS/Diskominfo/2018',
        signedOn: '2018-05-07',
        signatory: ['H. Muh. Thorig Husler', 'Bupati Luwu Timur'],
      },
    ],
    adoptions: [
      {
        apps: LUTIM_APPS.slice(0, 10),
        channel: 'web',
        steps: [
          { to: 'mou_signed', on: '2018-02-12', agreement: 'mou' },
          { to: 'pks_signed', on: '2018-05-07', agreement: 'pks' },
          { to: 'onboarding', on: '2018-06-04' },
          { to: 'live', on: '2018-10-01' },
        ],
      },
      {
        apps: LUTIM_APPS.slice(10),
        channel: 'web',
        steps: [
          { to: 'mou_signed', on: '2018-02-12', agreement: 'mou' },
          { to: 'pks_signed', on: '2018-05-07', agreement: 'pks' },
          { to: 'onboarding', on: '2019-01-07' },
        ],
      },
    ],
  },
  {
    tenant: {
      slug: 'kabupaten-bangka-selatan',
      area: DEMO_AREAS['kabupaten-bangka-selatan'],
      code: '19.03',
      kind: 'kabupaten',
      name: 'Kabupaten Bangka Selatan',
      timeZone: 'Asia/Jakarta',
    },
    agencies: [{ code: 'DISNAKERTRANS', name: 'Dinas Tenaga Kerja, Transmigrasi dan KUKM', kind: 'dinas' }],
    users: [
      {
        email: 'admin@bangkaselatan.balai.test',
        name: 'Admin Kabupaten Bangka Selatan',
        kind: 'staff',
        nip: '198311202010011006',
        roles: [['tenant_admin']],
      },
    ],
    agreements: [
      {
        kind: 'mou',
        number: 'MoU/TSCP/2016/17',
        signedOn: '2016-09-20',
        signatory: ['Bupati Bangka Selatan', 'Bupati'],
      },
      {
        kind: 'pks',
        number: '560/PKS/Disnakertrans/2018',
        signedOn: '2018-05-07',
        signatory: ['Basu Priatna', 'Kepala Dinas Tenaga Kerja, Transmigrasi dan KUKM'],
      },
    ],
    adoptions: [
      {
        apps: ['jobs'],
        channel: 'web',
        steps: [
          { to: 'mou_signed', on: '2016-09-20', agreement: 'mou' },
          { to: 'pks_signed', on: '2018-05-07', agreement: 'pks' },
          { to: 'onboarding', on: '2018-05-21' },
          { to: 'live', on: '2018-08-01' },
        ],
      },
    ],
  },
  {
    tenant: {
      slug: 'kabupaten-karawang',
      area: DEMO_AREAS['kabupaten-karawang'],
      code: '32.15',
      kind: 'kabupaten',
      name: 'Kabupaten Karawang',
      timeZone: 'Asia/Jakarta',
    },
    agencies: [kominfo('DISKOMINFO', 'Dinas Komunikasi dan Informatika')],
    users: [
      {
        email: 'admin@karawang.balai.test',
        name: 'Admin Kabupaten Karawang',
        kind: 'staff',
        nip: '198709032011012007',
        roles: [['tenant_admin']],
      },
    ],
    agreements: [
      {
        kind: 'mou',
        number: '119/MoU/Diskominfo/2018',
        signedOn: '2018-05-23',
        signatory: ['Cellica Nurachadiana', 'Bupati Karawang'],
      },
    ],
    adoptions: [
      {
        apps: ['reports', 'e-office'],
        channel: 'web',
        steps: [{ to: 'mou_signed', on: '2018-05-23', agreement: 'mou' }],
      },
      { apps: ['market-prices'], channel: 'web', steps: [] },
    ],
  },
];

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
        for (const app of group.apps) {
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
