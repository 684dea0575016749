/**
 * Reports-app bench data: the app taken live in every bench tenant, its categories (each sent to one
 * of the bench agencies), and a year of citizen reports — by default 100,000 across the first 20
 * tenants, and a few hundred recent ones in each tenant past them ({@link WIDE_REPORTS}) —
 * with varied Indonesian descriptions (so full-text search has something to find), addresses,
 * coordinates around each city, statuses that depend on the report's age, and each report's
 * `filed` event.
 *
 * Fast on purpose: reports and events are written with multi-row INSERTs (500 rows a statement), in
 * tenant transactions (`platform.inTenant`: RLS sees `app.tenant_id` as for any request), in the
 * order they were filed, so the table's physical order follows `created_at` as it would after a
 * year of real intake. The app is taken live by inserting its adoption row, the shortcut the test
 * harness uses (`makeLive`); the adoption flow itself is not what is measured. Categories go
 * through the app's own `putCategory`. No audit rows are written for the reports themselves.
 *
 * The generators are deterministic (a seeded PRNG): two runs write the same descriptions.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { putCategory } from '../src/modules/reports/services/settings.ts';
import { type ReportTables, tx } from '../src/modules/reports/tables.ts';
import { bootPlatform } from '../src/platform/boot.ts';
import type { Config } from '../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { newId } from '../src/platform/ids.ts';
import { findAgencyIdByCode } from '../src/platform/tenancy/service.ts';
import { inParallel } from './prepare.ts';
import { FIRST_REGIONS } from './regions.ts';

/** A small, fast, seeded PRNG (mulberry32): the same data on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Category code, names, the bench agency it goes to, and the phrases its reports are made of. */
type Topic = Readonly<{
  code: string;
  id: string;
  en: string;
  agency: string | null;
  /** Relative frequency among reports. */
  weight: number;
  problems: readonly string[];
  impacts: readonly string[];
}>;

const TOPICS: readonly Topic[] = [
  {
    code: 'roads',
    id: 'Jalan rusak',
    en: 'Damaged roads',
    agency: 'DPUPR',
    weight: 22,
    problems: [
      'Jalan berlubang cukup dalam',
      'Aspal jalan rusak parah dan mengelupas',
      'Jalan retak dan amblas',
      'Lubang besar di tengah jalan',
      'Jalan bergelombang dan berlubang',
      'Trotoar rusak dan paving terlepas',
      'Jembatan kecil retak dan pagarnya patah',
    ],
    impacts: [
      'membahayakan pengendara motor',
      'sudah ada pengendara yang jatuh',
      'menyebabkan kemacetan pada jam sibuk',
      'mobil harus berjalan pelan sekali',
      'tergenang air saat hujan sehingga lubang tidak terlihat',
    ],
  },
  {
    code: 'street-lights',
    id: 'Penerangan jalan umum',
    en: 'Street lights',
    agency: 'DPUPR',
    weight: 14,
    problems: [
      'Lampu penerangan jalan mati',
      'Lampu jalan mati total',
      'Lampu PJU berkedip dan sering padam',
      'Tiang lampu jalan miring hampir roboh',
      'Beberapa lampu jalan mati berturut-turut',
    ],
    impacts: [
      'jalan sangat gelap pada malam hari',
      'rawan kejahatan dan begal',
      'warga takut melintas malam hari',
      'anak-anak pulang mengaji melewati jalan gelap',
    ],
  },
  {
    code: 'sanitation',
    id: 'Kebersihan dan sampah',
    en: 'Sanitation and waste',
    agency: 'KEC-CIPONDOH',
    weight: 18,
    problems: [
      'Sampah menumpuk',
      'Tumpukan sampah tidak diangkut',
      'Tempat pembuangan sampah liar',
      'Sampah rumah tangga dibuang ke kali',
      'Truk sampah tidak datang',
      'Bak sampah penuh dan meluber',
    ],
    impacts: [
      'bau busuk tercium sampai ke rumah warga',
      'banyak lalat dan tikus',
      'mengundang nyamuk demam berdarah',
      'menyumbat aliran got',
    ],
  },
  {
    code: 'drainage',
    id: 'Saluran air dan banjir',
    en: 'Drainage and flooding',
    agency: 'DPUPR',
    weight: 12,
    problems: [
      'Got mampet',
      'Saluran air tersumbat lumpur',
      'Banjir setinggi lutut',
      'Genangan air tidak surut',
      'Gorong-gorong ambrol',
      'Tanggul kali jebol',
    ],
    impacts: [
      'air masuk ke rumah warga',
      'jalan tidak bisa dilalui motor',
      'menimbulkan bau dan jentik nyamuk',
      'sekolah terpaksa diliburkan',
    ],
  },
  {
    code: 'trees',
    id: 'Pohon dan taman',
    en: 'Trees and parks',
    agency: 'KEC-KARAWACI',
    weight: 6,
    problems: [
      'Pohon tumbang',
      'Dahan pohon besar hampir patah',
      'Pohon rindang menutupi kabel listrik',
      'Taman kota tidak terawat dan rumput tinggi',
    ],
    impacts: [
      'menutup separuh badan jalan',
      'berbahaya saat angin kencang',
      'dipakai tempat nongkrong sampai larut malam',
    ],
  },
  {
    code: 'health',
    id: 'Layanan kesehatan',
    en: 'Health services',
    agency: 'DINKES',
    weight: 7,
    problems: [
      'Antrean di puskesmas sangat panjang',
      'Obat di puskesmas sering kosong',
      'Petugas puskesmas datang terlambat',
      'Ambulans desa tidak bisa dihubungi',
      'Posyandu tidak buka sesuai jadwal',
    ],
    impacts: [
      'pasien lansia menunggu berjam-jam',
      'warga harus membeli obat sendiri',
      'ibu hamil kesulitan memeriksakan kandungan',
    ],
  },
  {
    code: 'education',
    id: 'Pendidikan',
    en: 'Education',
    agency: 'DISDIK',
    weight: 6,
    problems: [
      'Atap ruang kelas sekolah bocor',
      'Guru honorer belum menerima gaji',
      'Pungutan liar saat pendaftaran sekolah',
      'Toilet sekolah rusak',
      'Zonasi penerimaan murid baru tidak jelas',
    ],
    impacts: [
      'murid belajar tidak nyaman saat hujan',
      'orang tua murid keberatan',
      'anak-anak terpaksa pulang lebih awal',
    ],
  },
  {
    code: 'population-records',
    id: 'Administrasi kependudukan',
    en: 'Population records',
    agency: 'DISDUKCAPIL',
    weight: 8,
    problems: [
      'Pembuatan KTP elektronik belum selesai',
      'Blanko KTP habis',
      'Akta kelahiran anak belum terbit',
      'Kartu keluarga salah cetak nama',
      'Layanan Dukcapil online sering error',
    ],
    impacts: [
      'sudah menunggu lebih dari tiga bulan',
      'tidak bisa mendaftar BPJS',
      'anak tidak bisa didaftarkan sekolah',
    ],
  },
  {
    code: 'jobs',
    id: 'Ketenagakerjaan',
    en: 'Jobs',
    agency: 'DISNAKER',
    weight: 3,
    problems: [
      'Perusahaan membayar upah di bawah UMK',
      'Pemutusan hubungan kerja sepihak',
      'Informasi lowongan kerja bursa disnaker tidak diperbarui',
      'Pelatihan kerja dibatalkan tanpa pemberitahuan',
    ],
    impacts: ['banyak buruh dirugikan', 'pesangon belum dibayar', 'pencari kerja bingung'],
  },
  {
    code: 'other',
    id: 'Lainnya',
    en: 'Other',
    agency: null,
    weight: 4,
    problems: [
      'Parkir liar memakan bahu jalan',
      'Pedagang kaki lima berjualan di trotoar',
      'Suara bising bengkel sampai tengah malam',
      'Anjing liar berkeliaran',
      'Angkot ngetem sembarangan',
    ],
    impacts: [
      'pejalan kaki terpaksa turun ke jalan',
      'mengganggu warga beristirahat',
      'sering terjadi macet',
    ],
  },
];

const PLACES = [
  'di depan sekolah',
  'dekat pasar',
  'di depan masjid',
  'di tikungan dekat pertigaan',
  'di gang RT 03 RW 05',
  'dekat halte bus',
  'di samping puskesmas',
  'di jalan masuk perumahan',
  'depan minimarket',
  'dekat jembatan',
  'di belakang kantor kelurahan',
  'di dekat stasiun',
] as const;

const SINCE = [
  'sejak dua minggu lalu',
  'sudah sebulan',
  'sejak hujan deras kemarin',
  'sudah berhari-hari',
  'sejak awal bulan',
  'hampir setahun',
  'sejak minggu lalu',
] as const;

const ASKS = [
  'Mohon segera ditindaklanjuti.',
  'Mohon perhatian dinas terkait.',
  'Sudah pernah dilaporkan tetapi belum ada tindakan.',
  'Terima kasih.',
  'Warga sangat berharap segera diperbaiki.',
  '',
] as const;

const STREETS = [
  'Jl. Merdeka',
  'Jl. Sudirman',
  'Jl. Ahmad Yani',
  'Jl. Diponegoro',
  'Jl. Gatot Subroto',
  'Jl. Imam Bonjol',
  'Jl. Kartini',
  'Jl. Pahlawan',
  'Jl. Veteran',
  'Jl. Siliwangi',
  'Jl. Raya Serpong',
  'Jl. Kenanga',
  'Jl. Melati',
  'Jl. Cempaka',
  'Jl. Flamboyan',
] as const;

const KELURAHAN = [
  'Sukamaju',
  'Sukajadi',
  'Cipondoh Indah',
  'Poris Plawad',
  'Karang Tengah',
  'Margasari',
  'Mekarsari',
  'Sindangsari',
  'Pasir Jaya',
  'Bojong Nangka',
  'Kebon Jeruk',
  'Tanjung Duren',
] as const;

const NAMES = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rudi',
  'Sri',
  'Wahyu',
  'Rina',
  'Joko',
  'Ayu',
  'Hendra',
  'Nur',
];

/**
 * The seats of the first 20 bench tenants (bench/regions.ts), (lat, lng): reports scatter a few km
 * around their tenant's. Tenants past the 20th use these in turn (only the maps rows, over the
 * first 20, look at where a report is).
 */
const CITIES: ReadonlyArray<readonly [number, number]> = FIRST_REGIONS.map(([, lat, lng]) => [lat, lng]);

/** Search terms citizens type, URL-encoded for a query string (words that occur in the descriptions). */
export const SEARCH_TERMS: readonly string[] = [
  'jalan berlubang',
  'lampu mati',
  'sampah menumpuk',
  'banjir',
  'got mampet',
  'pohon tumbang',
  'puskesmas',
  'antrean',
  'KTP',
  'akta kelahiran',
  'sekolah',
  'pasar',
  'masjid',
  'motor',
  'gelap',
  'bau',
  'nyamuk',
  'lowongan',
  'macet',
  'trotoar',
  'aspal',
  'genangan',
  'kabel',
  'halte',
  'parkir liar',
  'pedagang',
  'upah',
  'obat',
  'guru',
  'bocor',
  'jembatan',
  'tikus',
  'lansia',
  'gang',
  'hujan',
  'kali',
  'begal',
  'posyandu',
  'blanko',
  'toilet',
].map((term) => encodeURIComponent(term));

export const REPORT_CATEGORIES: readonly string[] = TOPICS.map((t) => t.code);

const TOTAL_WEIGHT = TOPICS.reduce((sum, t) => sum + t.weight, 0);
function topic(rand: Rand): Topic {
  let r = rand() * TOTAL_WEIGHT;
  for (const t of TOPICS) {
    r -= t.weight;
    if (r < 0) return t;
  }
  return TOPICS.at(-1)!;
}

/** One citizen's report: category and a description put together from varied phrases. */
export function reportText(rand: Rand): { category: string; description: string } {
  const t = topic(rand);
  const ask = pick(rand, ASKS);
  const description = `${pick(rand, t.problems)} ${pick(rand, PLACES)} ${pick(rand, SINCE)}, ${pick(rand, t.impacts)}.${ask ? ` ${ask}` : ''}`;
  return { category: t.code, description };
}

/**
 * 200 view boxes of about 0.02° (a street map's view on a phone) over the `i`-th bench tenant's
 * reports, which scatter ±0.04° around its city: lng,lat pairs for OGC's `bbox`.
 */
export function reportViewBoxes(i: number): string[] {
  const [lat, lng] = CITIES[i % CITIES.length]!;
  return Array.from({ length: 200 }, (_, k) => {
    const x = lng - 0.04 + ((k * 37) % 100) * 0.0006;
    const y = lat - 0.04 + ((k * 61) % 100) * 0.0006;
    return [x, y, x + 0.02, y + 0.02].map((n) => n.toFixed(4)).join(',');
  });
}

function place(rand: Rand, city: readonly [number, number]) {
  return {
    lat: Math.round((city[0] + (rand() - 0.5) * 0.08) * 1e6) / 1e6,
    lng: Math.round((city[1] + (rand() - 0.5) * 0.08) * 1e6) / 1e6,
    address: `${pick(rand, STREETS)} No. ${1 + Math.floor(rand() * 150)}`,
    kelurahan: pick(rand, KELURAHAN),
  };
}

/**
 * `count` JSON bodies for `POST …/reports` (no photo), as the web form or the Android app sends
 * them: varied text, a place in one of the bench cities, sometimes a name and phone number.
 */
export function intakeBodies(count: number, seed = 2026): string[] {
  const rand = prng(seed);
  const bodies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { category, description } = reportText(rand);
    const body: Record<string, unknown> = {
      type: rand() < 0.9 ? 'complaint' : 'aspiration',
      category,
      description,
      ...place(rand, pick(rand, CITIES)),
    };
    if (rand() < 0.5) {
      body.name = pick(rand, NAMES);
      body.phone = `+62812${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    }
    bodies.push(JSON.stringify(body));
  }
  return bodies;
}

type Status = ReportTables['reports']['status'];

/** A status that fits the report's age: recent ones are mostly open, old ones mostly finished. */
function statusFor(rand: Rand, ageDays: number): Status {
  const r = rand();
  if (ageDays < 3)
    return r < 0.6 ? 'received' : r < 0.75 ? 'verified' : r < 0.9 ? 'disposed' : 'awaiting_info';
  if (ageDays < 30) {
    return r < 0.1
      ? 'received'
      : r < 0.2
        ? 'verified'
        : r < 0.4
          ? 'disposed'
          : r < 0.65
            ? 'in_progress'
            : r < 0.85
              ? 'done'
              : r < 0.95
                ? 'closed'
                : 'rejected';
  }
  return r < 0.02
    ? 'disposed'
    : r < 0.06
      ? 'in_progress'
      : r < 0.16
        ? 'done'
        : r < 0.9
          ? 'closed'
          : r < 0.97
            ? 'rejected'
            : 'reopened';
}

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const DAY = 86_400_000;

/** `YYMMDD-XXXXX`: the filing date (Jakarta) and five characters unique within the tenant. */
function trackingNo(at: Date, n: number): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  let suffix = '';
  for (let i = 0, v = n; i < 5; i += 1, v = Math.floor(v / 32)) suffix = TRACKING_ALPHABET[v % 32] + suffix;
  return `${local.slice(2, 4)}${local.slice(5, 7)}${local.slice(8, 10)}-${suffix}`;
}

export type ReportsSeed = {
  reports: number;
  seconds: number;
  categories: readonly string[];
};

/**
 * Beyond the first `core` tenants of a round with more (bench/run.ts), each tenant gets this many
 * reports filed over the last {@link WIDE_SPAN_DAYS} days: enough for every cached list the bench
 * asks for (20 a page, by category and status: reports in progress are those of the last weeks) to
 * be full, as it is in the first tenants, without writing a year for each of 532 more tenants.
 */
export const WIDE_REPORTS = 500;
const WIDE_SPAN_DAYS = 90;

/**
 * Takes the reports app live in every tenant in `slugs`, creates its categories, and writes
 * `total` reports spread evenly over the first `core` tenants (all by default), filed over the
 * year before `now`, and {@link WIDE_REPORTS} to each of the others, filed over the last 90 days.
 */
export async function seedReports(
  config: Config,
  slugs: readonly string[],
  total: number,
  core = slugs.length,
  now = new Date(),
): Promise<ReportsSeed> {
  const started = Date.now();
  const platform = await bootPlatform(config);
  try {
    const tenants = slugs.map((slug) => {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      return tenant;
    });
    const agencyIds = new Map<string, Map<string, string>>();
    // Four tenants at a time: each in a transaction of its own (PGlite queues them on its connection).
    await inParallel(tenants, 4, async (tenant) => {
      await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        await scope.trx
          .insertInto('adoptions')
          .values({
            tenant_id: tenant.id,
            app_code: 'reports',
            channel: 'web',
            status: 'live',
            origin_tenant_id: null,
            mou_id: null,
            pks_id: null,
            live_since: '2026-01-05',
          })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'app_code', 'channel']).doUpdateSet({ status: 'live' }),
          )
          .execute();
        const ids = new Map<string, string>();
        for (const [sort, t] of TOPICS.entries()) {
          const agencyId = t.agency ? await findAgencyIdByCode(scope, t.agency) : null;
          if (t.agency && !agencyId) throw new Error(`bench agency ${t.agency} is missing in ${tenant.slug}`);
          if (agencyId) ids.set(t.code, agencyId);
          await putCategory(scope, t.code, { name: { id: t.id, en: t.en }, agencyId, sort });
        }
        agencyIds.set(tenant.id, ids);
      });
    });

    // Every report of the year, then written in filing order, tenant by tenant within a slice.
    const rand = prng(20_261_201);
    type Planned = { tenant: number; n: number; at: number };
    const planned: Planned[] = [];
    const cores = Math.min(core, tenants.length);
    const perTenant = Math.floor(total / cores);
    const midnight = Math.floor(now.getTime() / DAY) * DAY;
    for (const [i] of tenants.entries()) {
      const wide = i >= cores;
      const count = wide ? WIDE_REPORTS : perTenant + (i < total - perTenant * cores ? 1 : 0);
      const span = wide ? WIDE_SPAN_DAYS : 365;
      for (let n = 0; n < count; n += 1) {
        // Working hours are busier: a day in the span, then a time of day between 06:00 and 22:00 WIB.
        const day = Math.floor(rand() * span);
        const minute = 23 * 60 + Math.floor(rand() * 16 * 60); // 06:00 WIB = 23:00 UTC the day before
        const at = midnight - (day + 1) * DAY + minute * 60_000;
        // Today's hours that have not come yet are taken from yesterday.
        planned.push({ tenant: i, n, at: at < now.getTime() ? at : at - DAY });
      }
    }
    planned.sort((a, b) => a.at - b.at);

    const SLICE = 10_000;
    const BATCH = 500;
    // The first tenants' year in slices of filing order; then each other tenant's reports in one
    // transaction of its own (a slice of 10,000 would be a few reports in each of 552 transactions).
    const groups: Array<Map<number, Planned[]>> = [];
    const group = (items: readonly Planned[]) => {
      const byTenant = new Map<number, Planned[]>();
      for (const p of items) {
        const list = byTenant.get(p.tenant);
        if (list) list.push(p);
        else byTenant.set(p.tenant, [p]);
      }
      groups.push(byTenant);
    };
    const corePlanned = planned.filter((p) => p.tenant < cores);
    for (let start = 0; start < corePlanned.length; start += SLICE)
      group(corePlanned.slice(start, start + SLICE));
    for (let i = cores; i < tenants.length; i += 1) group(planned.filter((p) => p.tenant === i));
    for (const byTenant of groups) {
      for (const [i, tenant] of tenants.entries()) {
        const mine = byTenant.get(i);
        if (!mine) continue;
        const agencies = agencyIds.get(tenant.id)!;
        await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
          const db = tx(scope);
          for (let b = 0; b < mine.length; b += BATCH) {
            const reports: Array<Record<string, unknown>> = [];
            const events: Array<Record<string, unknown>> = [];
            for (const p of mine.slice(b, b + BATCH)) {
              const created = new Date(p.at);
              const ageDays = (now.getTime() - p.at) / DAY;
              const { category, description } = reportText(rand);
              const status = statusFor(rand, ageDays);
              const at = (days: number) => new Date(Math.min(p.at + days * DAY, now.getTime() - 1_000));
              const where = place(rand, CITIES[i % CITIES.length]!);
              const located = rand() < 0.9;
              const channel = rand() < 0.6 ? 'web' : rand() < 0.6 ? 'api' : 'messaging';
              const named = rand() < 0.5;
              const reached = (s: readonly Status[]) => s.includes(status);
              const disposed = reached(['disposed', 'in_progress', 'done', 'closed', 'reopened']);
              const done = reached(['done', 'closed', 'reopened']);
              const id = newId();
              reports.push({
                tenant_id: tenant.id,
                id,
                tracking_no: trackingNo(created, p.n),
                type: rand() < 0.9 ? 'complaint' : 'aspiration',
                category_code: category,
                description,
                status,
                channel,
                lat: located ? where.lat : null,
                lng: located ? where.lng : null,
                address: where.address,
                kelurahan: where.kelurahan,
                reporter_user_id: null,
                reporter_name: named ? pick(rand, NAMES) : null,
                reporter_email: null,
                reporter_phone: named ? `+62812${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
                reporter_secret_hash: createHash('sha256').update(`${tenant.id}|${id}`).digest('hex'),
                public: rand() < 0.95,
                agency_id: disposed ? (agencies.get(category) ?? null) : null,
                due_at:
                  status === 'received' || status === 'verified' ? at(3) : disposed && !done ? at(10) : null,
                verified_at: status === 'received' || status === 'awaiting_info' ? null : at(1),
                disposed_at: disposed ? at(1.5) : null,
                done_at: done ? at(6) : null,
                first_done_at: done ? at(6) : null,
                closed_at: status === 'closed' ? at(11) : null,
                reject_reason: status === 'rejected' ? 'not_our_authority' : null,
                rating: status === 'closed' && rand() < 0.3 ? 1 + Math.floor(rand() * 5) : null,
                created_at: created,
                updated_at: at(done ? 11 : 1),
              });
              events.push({
                tenant_id: tenant.id,
                id: newId(),
                report_id: id,
                at: created,
                kind: 'filed',
                from_status: null,
                to_status: 'received',
                actor_role: 'reporter',
                actor_user_id: null,
                agency_id: null,
                note: null,
                public: true,
                data: JSON.stringify({ channel }),
              });
            }
            await db
              .insertInto('reports')
              .values(reports as never)
              .execute();
            await db
              .insertInto('report_events')
              .values(events as never)
              .execute();
          }
        });
      }
    }
    // A year-old table has been vacuumed and analyzed by autovacuum many times: visibility map,
    // hint bits and planner statistics as they would be, not as right after a bulk load.
    if (config.databaseUrl) {
      await sql`vacuum analyze reports, report_events`.execute(platform.database.db);
    }
    return {
      reports: planned.length,
      seconds: (Date.now() - started) / 1000,
      categories: TOPICS.map((t) => t.code),
    };
  } finally {
    await platform.close();
  }
}
