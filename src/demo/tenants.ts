/**
 * The seeds' story as data: Kota Tangerang builds the apps; Badung, Bangka Selatan, Luwu Timur and
 * Karawang adopt them, with their agencies, staff, agreements and adoption steps.
 */
import type { Channel, Role } from '../platform/catalogue/manifest.ts';
import type { CreateAgencyInput, CreateTenantInput } from '../platform/tenancy/schemas.ts';
import { DEMO_AREAS } from './areas.ts';

export type DemoUser = {
  email: string;
  name: string;
  kind: 'staff' | 'citizen';
  nip?: string;
  nik?: string;
  roles: Array<[Role, string?]>;
};
export type Step = { to: string; on: string; agreement?: 'mou' | 'pks' };
export type DemoTenant = {
  tenant: CreateTenantInput;
  agencies: Array<CreateAgencyInput & { parentCode?: string }>;
  users: DemoUser[];
  agreements: Array<{ kind: 'mou' | 'pks'; number: string; signedOn: string; signatory: [string, string] }>;
  adoptions: Array<{ apps: string[]; channel: Channel; steps: Step[] }>;
};

export const TANGERANG_APPS = [
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
  'websites',
];
const LUTIM_APPS = [
  'e-office',
  'staff-records',
  'reports',
  'citizen-portal',
  'open-data',
  'websites',
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
