/**
 * Demo data of the reports app: Kota Tangerang's categories and a few weeks of realistic reports
 * in every status, filed and moved through the same service functions the API uses, back-dated.
 * Other tenants where the app is live get the categories and a handful of reports.
 */
import {
  findAgencyIdByCode,
  findUserIdByEmail,
  listAgencies,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import type { Action, RejectReason, ReportType } from './lifecycle.ts';
import type { Who } from './services/access.ts';
import { fileReport } from './services/intake.ts';
import { putCategory, updateSettings } from './services/settings.ts';
import { transition } from './services/transitions.ts';

type DemoCategory = [code: string, id: string, en: string, agency: string | null, track?: 'field_work'];

/** Tangerang's LAKSA categories (from the seeds), with the agency a report usually goes to. */
const CATEGORIES: DemoCategory[] = [
  ['emergency', 'Kedaruratan', 'Emergency', 'DAMKAR'],
  ['population-records', 'Administrasi kependudukan', 'Population records', 'SETDA'],
  ['jobs', 'Ketenagakerjaan', 'Jobs', 'DISNAKER'],
  ['permits', 'Perizinan', 'Permits', 'SETDA'],
  ['infrastructure', 'Infrastruktur', 'Infrastructure', 'DPUPR', 'field_work'],
  ['street-lights', 'Penerangan jalan umum', 'Street lights', 'DPUPR'],
  ['roads', 'Jalan rusak', 'Damaged roads', 'DPUPR'],
  ['sanitation', 'Kebersihan dan sampah', 'Sanitation and waste', 'DLH'],
  ['animals', 'Hewan liar (ular, sarang tawon)', 'Wild animals (snakes, wasp nests)', 'DAMKAR'],
  ['abandoned-persons', 'Orang terlantar', 'Abandoned persons', 'SETDA'],
  ['other', 'Lainnya', 'Other', null],
];

type Step =
  | Action
  | `dispose:${string}`
  | `reject:${RejectReason}`
  | `duplicate:${number}`
  | `refer:${string}`
  | `confirm:${number}`;

type DemoReport = {
  daysAgo: number;
  category: string;
  type: ReportType;
  description: string;
  kelurahan: string;
  at: [number, number] | null;
  address?: string;
  steps: Step[];
};

const R = (
  daysAgo: number,
  category: string,
  description: string,
  kelurahan: string,
  at: [number, number] | null,
  steps: Step[],
  extra: Partial<DemoReport> = {},
): DemoReport => ({ daysAgo, category, type: 'complaint', description, kelurahan, at, steps, ...extra });

const TANGERANG_REPORTS: DemoReport[] = [
  R(
    41,
    'roads',
    'Jalan berlubang cukup dalam di depan sekolah, membahayakan pengendara motor.',
    'Cipondoh Indah',
    [-6.1878, 106.6772],
    ['verify', 'dispose:DPUPR', 'start', 'complete', 'close'],
  ),
  R(
    38,
    'street-lights',
    'Lampu penerangan jalan mati sejak seminggu, jalan sangat gelap pada malam hari.',
    'Poris Plawad',
    [-6.1745, 106.6528],
    ['verify', 'dispose:DPUPR', 'start', 'complete', 'confirm:5'],
  ),
  R(
    36,
    'animals',
    'Ada sarang tawon besar di atap rumah warga, sudah ada anak yang tersengat.',
    'Sudimara Pinang',
    [-6.2091, 106.6483],
    ['verify', 'dispose:DAMKAR', 'complete', 'confirm:4'],
  ),
  R(
    35,
    'sanitation',
    'Sampah menumpuk di pinggir kali sudah tiga hari tidak diangkut, baunya menyengat.',
    'Karawaci',
    [-6.1802, 106.6151],
    ['verify', 'dispose:DLH', 'start', 'complete', 'auto_close'],
  ),
  R(
    33,
    'roads',
    'Jalan rusak dan berlubang di dekat pasar, sering terjadi kecelakaan.',
    'Cipondoh Indah',
    [-6.18785, 106.67735],
    ['duplicate:0'],
  ),
  R(
    31,
    'animals',
    'Ular sanca masuk ke dapur rumah warga, mohon bantuan penangkapan segera.',
    'Panunggangan',
    [-6.2225, 106.6432],
    ['verify', 'dispose:DAMKAR', 'complete', 'close'],
  ),
  R(
    29,
    'population-records',
    'Pengurusan KTP elektronik sudah dua bulan belum selesai, mohon kejelasan.',
    'Cikokol',
    null,
    ['reject:not_our_authority'],
    { address: 'Kantor Kecamatan Tangerang' },
  ),
  R(
    27,
    'infrastructure',
    'Saluran air tersumbat sehingga jalan tergenang setiap hujan deras.',
    'Kunciran',
    [-6.2112, 106.6689],
    ['verify', 'dispose:DPUPR', 'start'],
  ),
  R(
    25,
    'jobs',
    'Informasi lowongan kerja untuk lulusan SMK di kawasan industri, di mana mendaftarnya?',
    'Jatiuwung',
    [-6.2009, 106.5912],
    ['verify', 'dispose:DISNAKER', 'complete', 'close'],
    { type: 'information_request' },
  ),
  R(
    24,
    'other',
    'Usul agar taman kota dibuka sampai malam hari untuk olahraga warga.',
    'Babakan',
    [-6.1812, 106.6322],
    ['verify', 'dispose:DPUPR', 'complete', 'close'],
    { type: 'aspiration' },
  ),
  R(
    20,
    'sanitation',
    'Pembakaran sampah oleh warga setiap sore, asapnya masuk ke rumah.',
    'Cibodas',
    [-6.2051, 106.6102],
    ['request_info'],
  ),
  R(
    18,
    'street-lights',
    'Tiang lampu jalan miring dan hampir roboh setelah tertabrak truk.',
    'Periuk',
    [-6.1621, 106.6012],
    ['verify', 'dispose:DPUPR', 'start', 'complete', 'send_back', 'complete'],
  ),
  R(
    16,
    'abandoned-persons',
    'Ada lansia terlantar tidur di halte bus beberapa hari ini.',
    'Tanah Tinggi',
    [-6.1765, 106.6411],
    ['verify', 'dispose:SETDA', 'complete', 'close', 'reopen'],
  ),
  R(14, 'other', 'Tes tes tes coba aplikasi saja.', 'Sukasari', null, ['reject:not_a_report'], {
    address: 'Tangerang',
  }),
  R(
    12,
    'emergency',
    'Pohon tumbang menutup jalan setelah hujan angin, kendaraan tidak bisa lewat.',
    'Neglasari',
    [-6.1601, 106.6398],
    ['verify', 'dispose:DAMKAR', 'complete'],
  ),
  R(
    9,
    'roads',
    'Aspal jalan mengelupas dan bergelombang di depan puskesmas.',
    'Larangan Utara',
    [-6.2311, 106.7092],
    ['verify', 'dispose:DPUPR'],
  ),
  R(
    7,
    'infrastructure',
    'Jembatan penyeberangan orang berkarat dan lantainya berlubang.',
    'Batusari',
    [-6.1712, 106.6245],
    ['verify', 'dispose:DPUPR', 'hand_back'],
  ),
  R(
    5,
    'sanitation',
    'Bak sampah umum rusak sehingga sampah berserakan di jalan.',
    'Pinang',
    [-6.229, 106.6634],
    ['verify'],
  ),
  R(
    3,
    'street-lights',
    'Lampu jalan berkedip-kedip sepanjang malam di jalan utama perumahan.',
    'Kenanga',
    [-6.2198, 106.6541],
    [],
  ),
  R(
    1,
    'roads',
    'Galian kabel tidak ditutup kembali dengan rapi, jalan menjadi berlubang.',
    'Gondrong',
    [-6.2081, 106.6925],
    [],
  ),
  R(
    0,
    'animals',
    'Ada ular kobra di saluran air depan rumah, warga takut keluar.',
    'Karang Tengah',
    [-6.2205, 106.7031],
    [],
  ),
];

const OTHER_REPORTS: DemoReport[] = [
  // "No wrong door": a visitor reports a road in Kota Tangerang to the region they live in.
  R(
    22,
    'roads',
    'Jalan Daan Mogot di Kota Tangerang dekat jembatan banyak lubang, mohon diteruskan.',
    'Tanah Tinggi',
    null,
    ['refer:kota-tangerang'],
    { address: 'Jl. Daan Mogot, Kota Tangerang' },
  ),
  R(
    10,
    'roads',
    'Jalan desa berlubang dan tergenang air saat hujan.',
    'Kelurahan',
    null,
    ['verify', 'dispose:SETDA'],
    { address: 'Jalan utama desa' },
  ),
  R(
    4,
    'sanitation',
    'Tempat pembuangan sampah sementara penuh dan meluber ke jalan.',
    'Kelurahan',
    null,
    ['verify'],
    { address: 'Dekat pasar' },
  ),
  R(1, 'street-lights', 'Lampu jalan padam di depan kantor desa.', 'Kelurahan', null, [], {
    address: 'Kantor desa',
  }),
];

const DAY = 86_400_000;

/** Writes the categories and demo reports for one tenant where the app is live. */
export async function seedReportsDemo(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  const agencyIds = new Map<string, string>();
  for (const [, , , agency] of CATEGORIES) {
    if (agency && !agencyIds.has(agency)) {
      const id = await findAgencyIdByCode(scope, agency);
      if (id) agencyIds.set(agency, id);
    }
  }
  for (const [i, [code, id, en, agency, track]] of CATEGORIES.entries()) {
    await putCategory(scope, code, {
      name: { id, en },
      agencyId: agency ? (agencyIds.get(agency) ?? null) : null,
      sort: i * 10,
      ...(track ? { defaultTrack: track } : {}),
    });
  }
  // The report form's address hint names a street of the city's own.
  if (tenant.code === '36.71')
    await updateSettings(scope, { addressExample: 'Jl. Daan Mogot depan Pasar Anyar' });
  const isTangerang = tenant.slug === 'kota-tangerang';
  const domain = isTangerang ? 'tangerang' : tenant.slug.replace(/^(kota|kabupaten)-/, '').replace(/-/g, '');
  const staffId = async (...emails: string[]) => {
    for (const e of emails) {
      const id = await findUserIdByEmail(scope, e);
      if (id) return id;
    }
    return null;
  };
  const operatorId = await staffId(`operator@${domain}.balai.test`, `admin@${domain}.balai.test`);
  const officerId = await staffId(`pupr@${domain}.balai.test`, `admin@${domain}.balai.test`);
  const citizenId = await staffId(`warga@${domain}.balai.test`);
  if (!operatorId || !officerId) return;
  const operator: Who = { role: 'operator', userId: operatorId };
  const agency: Who = { role: 'agency', userId: officerId, mayActFor: () => true };
  // A tenant without the agency named in the scenario disposes to its first agency.
  const anyAgency = (await listAgencies(scope))[0]?.id;
  if (!anyAgency) return;
  const filed: string[] = [];
  const now = Date.now();
  for (const [n, r] of (isTangerang ? TANGERANG_REPORTS : OTHER_REPORTS).entries()) {
    let at = now - r.daysAgo * DAY - 3 * 3600_000;
    const signedIn = citizenId !== null && n % 3 === 0;
    const report = await fileReport(
      platform,
      scope,
      tenant,
      {
        type: r.type,
        category: r.category,
        description: r.description,
        kelurahan: r.kelurahan,
        ...(r.at ? { lat: r.at[0], lng: r.at[1] } : {}),
        ...(r.address ? { address: r.address } : {}),
        ...(signedIn ? {} : { name: 'Warga', phone: `0812${String(10_000_000 + n * 7919).slice(0, 8)}` }),
      },
      {
        channel: n % 4 === 1 ? 'messaging' : 'web',
        reporterUserId: signedIn ? citizenId : null,
        photos: [],
        now: new Date(at),
      },
    );
    filed.push(report.id);
    const reporter: Who = { role: 'reporter', userId: signedIn ? citizenId : null, secret: report.secret };
    for (const step of r.steps) {
      // Steps are spread over the report's age, never into the future.
      at = Math.min(at + Math.max(r.daysAgo / (r.steps.length + 1), 0.05) * DAY, now - 60_000);
      const [action, arg] = step.split(':') as [Action | 'duplicate', string | undefined];
      const when = new Date(at);
      const note = `Catatan demo: ${action}`;
      switch (action) {
        case 'dispose':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'dispose',
            { agencyId: agencyIds.get(arg!) ?? anyAgency, note: 'Mohon segera ditindaklanjuti.' },
            operator,
            when,
          );
          break;
        case 'reject':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'reject',
            {
              reason: arg as RejectReason,
              note: 'Bukan kewenangan pemerintah kota; silakan hubungi instansi terkait.',
            },
            operator,
            when,
          );
          break;
        case 'duplicate':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'mark_duplicate',
            { duplicateOf: filed[Number(arg)] },
            operator,
            when,
          );
          break;
        case 'mark_duplicate':
          break;
        case 'refer':
          if (
            platform.directory.bySlug(arg!) &&
            platform.directory.isLive(platform.directory.bySlug(arg!)!.id, 'reports')
          ) {
            await transition(
              platform,
              scope,
              tenant,
              report.id,
              'refer',
              { targetTenant: arg, note: 'Lokasi berada di wilayah daerah lain.' },
              operator,
              when,
            );
          }
          break;
        case 'confirm':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'confirm',
            { rating: Number(arg) },
            reporter,
            when,
          );
          break;
        case 'reopen':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'reopen',
            { note: 'Masalah belum selesai, lansia masih di halte.' },
            reporter,
            when,
          );
          break;
        case 'auto_close':
          await transition(platform, scope, tenant, report.id, 'auto_close', {}, { role: 'system' }, when);
          break;
        case 'complete':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            'complete',
            { note: 'Sudah ditangani petugas di lapangan.' },
            agency,
            when,
          );
          break;
        case 'request_info':
        case 'hand_back':
        case 'send_back':
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            action,
            { note: 'Mohon lengkapi lokasi dan foto.' },
            action === 'hand_back' ? agency : operator,
            when,
          );
          break;
        default:
          await transition(
            platform,
            scope,
            tenant,
            report.id,
            action,
            { note },
            action === 'start' ? agency : operator,
            when,
          );
      }
    }
  }
}
