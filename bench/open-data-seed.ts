/**
 * Satu Data bench data: the open-data app taken live in every bench tenant and `perTenant`
 * published datasets each (5,000 by default: a large region's whole catalogue), spread over the
 * tenant's agencies and six themes, with Satu Data's metadata, keywords, and one or two resources
 * (links: the bench measures the catalogue, not file storage). Written with multi-row INSERTs in
 * each tenant's transaction (RLS applies as for any request), then VACUUM ANALYZE on PostgreSQL.
 */
import { sql } from 'kysely';
import { tx } from '../src/modules/open-data/tables.ts';
import { bootPlatform } from '../src/platform/boot.ts';
import type { Config } from '../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { newId } from '../src/platform/ids.ts';
import { listAgencies } from '../src/platform/tenancy/service.ts';
import { takeLive } from './prepare.ts';
import { prng } from './reports-seed.ts';

export type OpenDataSeed = { datasets: number; seconds: number };

const THEMES: ReadonlyArray<readonly [name: string, title: string, affair: string]> = [
  ['kependudukan', 'Kependudukan', '2.12'],
  ['kesehatan', 'Kesehatan', '1.02'],
  ['pendidikan', 'Pendidikan', '1.01'],
  ['ekonomi', 'Perekonomian', '3.27'],
  ['infrastruktur', 'Pekerjaan Umum', '1.03'],
  ['sosial', 'Sosial', '1.06'],
];

/** What datasets count, each with the words its title and keywords are made of. */
const SUBJECTS: ReadonlyArray<readonly [subject: string, keywords: readonly string[], unit: string]> = [
  ['Jumlah Penduduk', ['penduduk', 'demografi'], 'jiwa'],
  ['Angka Kelahiran', ['kelahiran', 'penduduk'], 'jiwa'],
  ['Kasus Demam Berdarah', ['dbd', 'kesehatan', 'penyakit'], 'kasus'],
  ['Fasilitas Kesehatan', ['puskesmas', 'rumah sakit', 'kesehatan'], 'unit'],
  ['Jumlah Sekolah', ['sekolah', 'pendidikan'], 'unit'],
  ['Angka Partisipasi Sekolah', ['pendidikan', 'siswa'], 'persen'],
  ['Harga Bahan Pokok', ['harga', 'pasar', 'pangan'], 'Rp/kg'],
  ['Panjang Jalan', ['jalan', 'infrastruktur'], 'km'],
  ['Penerima Bantuan Sosial', ['bansos', 'sosial', 'kemiskinan'], 'KK'],
  ['Jumlah UMKM', ['umkm', 'usaha', 'ekonomi'], 'unit'],
  ['Volume Sampah', ['sampah', 'lingkungan'], 'ton'],
  ['Pencari Kerja', ['tenaga kerja', 'pengangguran'], 'orang'],
];
const BY = [
  'per Kecamatan',
  'per Kelurahan',
  'per Bulan',
  'per Jenis Kelamin',
  'per Kelompok Umur',
  'Tahunan',
];
const FORMATS = ['CSV', 'XLSX', 'JSON', 'GeoJSON'];
const LICENCES = ['cc-by', 'cc-zero', 'odc-odbl', 'other-open'];
const FREQUENCIES = ['monthly', 'annual', 'quarterly', 'daily'] as const;

/** The words a bench search asks for: subjects and their keywords, in the catalogue's language. */
export const OPEN_DATA_TERMS: readonly string[] = [
  'penduduk',
  'kesehatan',
  'sekolah',
  'harga',
  'jalan',
  'sampah',
  'umkm',
  'kecamatan',
  'kelurahan',
  'bansos',
  'puskesmas',
  'kerja',
];

export async function seedOpenData(
  config: Config,
  slugs: readonly string[],
  perTenant: number,
): Promise<OpenDataSeed> {
  const started = Date.now();
  const platform = await bootPlatform(config);
  const rand = prng(2017);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  try {
    for (const slug of slugs) {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        await takeLive(scope, 'open-data');
        const db = tx(scope);
        const agencies = await listAgencies(scope);
        const themes = THEMES.map(([name, title]) => ({ tenant_id: tenant.id, id: newId(), name, title }));
        await db.insertInto('open_data_themes').values(themes).execute();
        const year = 365 * 86_400_000;
        for (let from = 0; from < perTenant; from += 500) {
          const datasets = [];
          const links = [];
          const themed = [];
          for (let i = from; i < Math.min(perTenant, from + 500); i += 1) {
            const [subject, keywords, unit] = pick(SUBJECTS);
            const theme = pick(themes);
            const agency = pick(agencies);
            const id = newId();
            const published = new Date(Date.now() - rand() * 3 * year);
            const modified = new Date(published.getTime() + rand() * (Date.now() - published.getTime()));
            const title = `${subject} ${pick(BY)} ${2019 + (i % 7)}`;
            datasets.push({
              tenant_id: tenant.id,
              id,
              agency_id: agency.id,
              name: `data-${String(i + 1).padStart(5, '0')}`,
              title,
              description: `${title} di ${tenant.name}, dihimpun oleh ${agency.name}.`,
              state: 'published' as const,
              classification: i % 10 === 9 ? ('limited' as const) : ('open' as const),
              affair_code: THEMES.find(([name]) => name === theme.name)![2],
              indicator: subject,
              unit,
              keywords: JSON.stringify([...keywords, `${2019 + (i % 7)}`]),
              license_id: pick(LICENCES),
              frequency: pick(FREQUENCIES),
              contact_name: agency.name,
              contact_email: `data@${agency.code.toLowerCase()}.bench.go.id`,
              created_at: published,
              modified_at: modified,
              first_published_at: published,
              reviewed_at: published,
            });
            themed.push({ tenant_id: tenant.id, dataset_id: id, theme_id: theme.id });
            for (let r = 0; r < 1 + (i % 2); r += 1) {
              const format = pick(FORMATS);
              links.push({
                tenant_id: tenant.id,
                id: newId(),
                dataset_id: id,
                name: `${title} (${format})`,
                kind: 'link' as const,
                format,
                url: `https://data.bench.go.id/${tenant.slug}/${id}/${r}.${format.toLowerCase()}`,
                sort: r,
                created_at: published,
                modified_at: modified,
              });
            }
          }
          await db.insertInto('open_data_datasets').values(datasets).execute();
          await db.insertInto('open_data_dataset_themes').values(themed).execute();
          await db.insertInto('open_data_resources').values(links).execute();
        }
      });
    }
    if (config.databaseUrl) {
      for (const table of ['open_data_datasets', 'open_data_dataset_themes', 'open_data_resources'])
        await sql`vacuum analyze ${sql.table(table)}`.execute(platform.database.db);
    }
    await platform.directoryChanged();
    return { datasets: perTenant * slugs.length, seconds: (Date.now() - started) / 1000 };
  } finally {
    await platform.close();
  }
}
