/**
 * The app's demo data for a tenant where it is live (written by the demo seed, once): the Satu
 * Data themes, and published datasets with CSV resources — population by kecamatan (where the
 * demo knows the region's kecamatan) and the health facilities — each gone through the same
 * services as a producer's and the walidata's (created, uploaded, submitted, published).
 * The figures are made up for the demo, of a plausible size.
 */
import {
  type AgencyAccess,
  listAgencies,
  newFileKey,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import { countThemes } from './repo/themes.ts';
import type { DatasetInputType } from './schemas.ts';
import { createDataset } from './services/datasets.ts';
import { addUpload } from './services/resources.ts';
import { publishDataset, submitDataset } from './services/review.ts';
import { fileChecksum, readDataUpload } from './services/tabular.ts';
import { createTheme } from './services/themes.ts';

const EVERYWHERE: AgencyAccess = Object.freeze({
  userId: null,
  everywhere: true,
  may: () => true,
  agencies: () => null,
});

const THEMES = [
  {
    name: 'kependudukan',
    title: 'Kependudukan',
    description: 'Penduduk, kelahiran, kematian dan perpindahan.',
  },
  { name: 'kesehatan', title: 'Kesehatan', description: 'Fasilitas, tenaga dan layanan kesehatan.' },
  {
    name: 'ekonomi',
    title: 'Ekonomi dan Perdagangan',
    description: 'Harga, pasar, usaha dan ketenagakerjaan.',
  },
  { name: 'pelayanan-publik', title: 'Pelayanan Publik', description: 'Pengaduan dan layanan kepada warga.' },
];

/** Kecamatan of the demo regions, with a population of the size the region has. */
const KECAMATAN: Record<string, [string, number, number][]> = {
  'kota-tangerang': [
    ['Ciledug', 151204, 8.77],
    ['Larangan', 171830, 9.4],
    ['Karang Tengah', 128911, 10.47],
    ['Cipondoh', 251347, 17.91],
    ['Pinang', 181209, 21.59],
    ['Tangerang', 167455, 15.79],
    ['Karawaci', 188342, 13.48],
    ['Cibodas', 146207, 9.61],
    ['Jatiuwung', 102338, 14.41],
    ['Periuk', 142118, 9.54],
    ['Neglasari', 118204, 16.08],
    ['Batuceper', 97540, 11.58],
    ['Benda', 88261, 5.92],
  ],
  'kabupaten-luwu-timur': [
    ['Malili', 40512, 921.2],
    ['Nuha', 27350, 808.27],
    ['Towuti', 38911, 1820.48],
    ['Wotu', 33806, 130.52],
    ['Burau', 36294, 256.23],
    ['Tomoni', 24118, 230.09],
    ['Tomoni Timur', 13409, 43.91],
    ['Angkona', 24987, 147.24],
    ['Mangkutana', 24460, 1300.96],
    ['Kalaena', 12831, 41.98],
    ['Wasuponda', 22473, 1244],
  ],
  'kabupaten-badung': [
    ['Kuta Selatan', 171920, 101.13],
    ['Kuta', 93711, 17.52],
    ['Kuta Utara', 139510, 33.86],
    ['Mengwi', 134520, 82],
    ['Abiansemal', 93870, 69.01],
    ['Petang', 31452, 115],
  ],
};

/** The agency that owns a demo dataset: the first of these codes the region has, else its first. */
async function agencyFor(scope: TenantScope, codes: readonly string[]): Promise<string | null> {
  const agencies = await listAgencies(scope);
  for (const code of codes) {
    const found = agencies.find((a) => a.code === code);
    if (found) return found.id;
  }
  return agencies[0]?.id ?? null;
}

async function publishWithCsv(
  platform: Platform,
  scope: TenantScope,
  input: DatasetInputType,
  resource: { name: string; csv: string },
) {
  const base = '';
  const dataset = await createDataset(scope, input, EVERYWHERE, base);
  const bytes = new TextEncoder().encode(resource.csv);
  const read = await readDataUpload(bytes);
  const key = newFileKey(scope.tenantId, 'csv');
  await platform.files.put(key, bytes, read.mediaType);
  await addUpload(
    scope,
    dataset.id,
    { name: resource.name, description: null },
    {
      key,
      fileName: `${input.name}.csv`,
      format: read.format,
      mediaType: read.mediaType,
      byteSize: bytes.byteLength,
      checksum: fileChecksum(bytes),
      table: read.table,
    },
    EVERYWHERE,
    base,
  );
  await submitDataset(scope, dataset.id, EVERYWHERE, base);
  await publishDataset(scope, dataset.id, EVERYWHERE, base);
}

export async function seedDemo(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<void> {
  if ((await countThemes(scope)) === 0) {
    for (const [i, theme] of THEMES.entries()) await createTheme(scope, { ...theme, sort: (i + 1) * 10 });
  }
  const contact = (unit: string) => ({ contactName: unit, contactEmail: null });
  const spatial = { spatialName: tenant.name, spatialBbox: tenant.areaBBox ? [...tenant.areaBBox] : null };

  const kecamatan = KECAMATAN[tenant.slug];
  const civil = await agencyFor(scope, ['DISDUKCAPIL', 'DISKOMINFO']);
  if (kecamatan && civil) {
    const rows = kecamatan.map(([name, people, area]) => {
      const men = Math.round(people * 0.505);
      return `${name},${men},${people - men},${people},${area},${Math.round(people / area)}`;
    });
    await publishWithCsv(
      platform,
      scope,
      {
        agencyId: civil,
        name: 'jumlah-penduduk-per-kecamatan',
        title: `Jumlah Penduduk per Kecamatan di ${tenant.name}`,
        description: `Jumlah penduduk ${tenant.name} menurut kecamatan dan jenis kelamin, dengan luas wilayah dan kepadatan, per akhir 2025 (data contoh).`,
        classification: 'open',
        affairCode: '2.06',
        subAffairCode: '2.06.02',
        indicator: 'Jumlah penduduk',
        unit: 'jiwa',
        definition: 'Penduduk yang tercatat dalam database kependudukan per 31 Desember.',
        releaseSchedule: 'Februari setiap tahun',
        dataStandard: 'Standar Data Kependudukan',
        keywords: ['penduduk', 'kependudukan', 'kecamatan', 'kepadatan'],
        licenseId: 'cc-by',
        frequency: 'annual',
        temporalStart: '2025-01-01',
        temporalEnd: '2025-12-31',
        ...spatial,
        ...contact('Bidang Pengelolaan Informasi Administrasi Kependudukan'),
        themes: ['kependudukan'],
      },
      {
        name: 'Penduduk per kecamatan 2025',
        csv: `Kecamatan,Laki-laki,Perempuan,Jumlah Penduduk,Luas (km2),Kepadatan (jiwa/km2)\n${rows.join('\n')}\n`,
      },
    );
  }

  const health = await agencyFor(scope, ['DINKES', 'DISKOMINFO']);
  if (!health) return;
  const places = (kecamatan ?? [[tenant.name.replace(/^(Kota|Kabupaten) /, ''), 0, 0]]).slice(0, 6);
  const [w, s, e, n] = tenant.areaBBox ?? [106.6, -6.25, 106.7, -6.15];
  const facilities = places.flatMap(([name], i) => {
    const lat = (s + ((n - s) * (i + 1)) / (places.length + 1)).toFixed(5);
    const lng = (w + ((e - w) * (i + 1)) / (places.length + 1)).toFixed(5);
    return [
      `Puskesmas ${name},Puskesmas,${name},Rawat inap,${lat},${lng},2019-03-01`,
      `Klinik Pratama ${name} Sehat,Klinik Pratama,${name},Rawat jalan,${(Number(lat) + 0.004).toFixed(5)},${(Number(lng) + 0.003).toFixed(5)},2021-08-16`,
    ];
  });
  await publishWithCsv(
    platform,
    scope,
    {
      agencyId: health,
      name: 'fasilitas-kesehatan',
      title: `Fasilitas Kesehatan di ${tenant.name}`,
      description: `Puskesmas dan klinik pratama di ${tenant.name}: jenis, kecamatan, layanan, lokasi dan tanggal izin operasional (data contoh).`,
      classification: 'open',
      affairCode: '1.02',
      subAffairCode: '1.02.02',
      indicator: 'Jumlah fasilitas kesehatan',
      unit: 'unit',
      definition: 'Fasilitas pelayanan kesehatan tingkat pertama yang memiliki izin operasional.',
      releaseSchedule: 'Maret setiap tahun',
      dataStandard: 'Standar Data Fasilitas Kesehatan (Kemenkes)',
      keywords: ['puskesmas', 'klinik', 'kesehatan', 'fasilitas kesehatan'],
      licenseId: 'cc-by',
      frequency: 'annual',
      temporalStart: '2025-01-01',
      temporalEnd: '2025-12-31',
      ...spatial,
      ...contact('Seksi Pelayanan Kesehatan Primer'),
      themes: ['kesehatan'],
    },
    {
      name: 'Daftar fasilitas kesehatan 2025',
      csv: `Nama,Jenis,Kecamatan,Layanan,Lintang,Bujur,Tanggal Izin\n${facilities.join('\n')}\n`,
    },
  );
}
