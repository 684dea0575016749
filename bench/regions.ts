/**
 * The bench's tenants: Indonesia's 514 regencies and cities and 38 provinces, with their Kemendagri
 * codes and names from the `idn-area-data` package (data under the Open Database License, ODbL 1.0:
 * https://github.com/fityannugroho/idn-area-data). The first 20 are a chosen mix — 10 kota, 6
 * kabupaten and 4 provinces over the three time zones (12 WIB, 5 WITA, 3 WIT) — so that a 20-tenant
 * round is not 20 copies of one kind; the rest follow in code order (a province, then its regencies).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CreateTenantInput } from '../src/platform/tenancy/schemas.ts';

export type BenchRegion = Readonly<{
  slug: string;
  code: string;
  kind: CreateTenantInput['kind'];
  name: string;
  timeZone: CreateTenantInput['timeZone'];
}>;

/**
 * The first 20 tenants, by code, with the centre of their seat (lat, lng): the reports seed scatters
 * reports around it. Kota Tangerang first (the bench's kecamatan agencies are Tangerang's).
 */
export const FIRST_REGIONS: ReadonlyArray<readonly [code: string, lat: number, lng: number]> = [
  ['36.71', -6.1783, 106.6319], // Kota Tangerang
  ['32.01', -6.4817, 106.854], // Kabupaten Bogor (Cibinong)
  ['35.78', -7.2575, 112.7521], // Kota Surabaya
  ['31', -6.1754, 106.8272], // Provinsi DKI Jakarta
  ['73.71', -5.1477, 119.4327], // Kota Makassar (WITA)
  ['12.71', 3.5952, 98.6722], // Kota Medan
  ['33.02', -7.4245, 109.23], // Kabupaten Banyumas (Purwokerto)
  ['51.71', -8.6705, 115.2126], // Kota Denpasar (WITA)
  ['91.71', -2.5337, 140.7181], // Kota Jayapura (WIT)
  ['32', -6.9175, 107.6191], // Provinsi Jawa Barat (Bandung)
  ['34.04', -7.7167, 110.3556], // Kabupaten Sleman
  ['16.71', -2.9761, 104.7754], // Kota Palembang
  ['64.02', -0.4167, 116.9833], // Kabupaten Kutai Kartanegara (Tenggarong, WITA)
  ['33.74', -6.9667, 110.4167], // Kota Semarang
  ['81.71', -3.6954, 128.1814], // Kota Ambon (WIT)
  ['11.06', 5.298, 95.633], // Kabupaten Aceh Besar (Kota Jantho)
  ['61.71', -0.0263, 109.3425], // Kota Pontianak
  ['53', -10.1772, 123.607], // Provinsi Nusa Tenggara Timur (Kupang, WITA)
  ['94.04', -4.5467, 136.8833], // Kabupaten Mimika (Timika, WIT)
  ['64', -0.5022, 117.1536], // Provinsi Kalimantan Timur (Samarinda, WITA)
];

/** Waktu Indonesia Tengah (UTC+8) and Timur (UTC+9) by province; every other province is WIB (UTC+7). */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function timeZoneOf(provinceCode: string): BenchRegion['timeZone'] {
  if (WIT.has(provinceCode)) return 'Asia/Jayapura';
  if (WITA.has(provinceCode)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** `Kabupaten Toli-Toli` → `kabupaten-toli-toli`. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function readCsv(file: string): string[][] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data')), '..', 'data');
  const [header, ...lines] = readFileSync(path.join(dir, file), 'utf8').trim().split(/\r?\n/);
  if (!header) throw new Error(`${file} is empty`);
  // These two files have no quoted fields (islands.csv does, and is not read).
  return lines.map((line) => line.split(','));
}

/** Every region a tenant can be: the 20 of {@link FIRST_REGIONS}, then the others in code order. */
export function benchRegions(): BenchRegion[] {
  const all: BenchRegion[] = [];
  for (const [code, name] of readCsv('provinces.csv')) {
    if (!code || !name) throw new Error(`provinces.csv: a line without code or name (${code})`);
    const full = `Provinsi ${name}`;
    all.push({ slug: slugOf(full), code, kind: 'provinsi', name: full, timeZone: timeZoneOf(code) });
  }
  for (const [code, province, name] of readCsv('regencies.csv')) {
    if (!code || !province || !name) throw new Error(`regencies.csv: a line without code or name (${code})`);
    const kind = name.startsWith('Kota ') ? 'kota' : name.startsWith('Kabupaten ') ? 'kabupaten' : null;
    if (!kind) throw new Error(`regencies.csv: ${code} ${name} is neither a Kabupaten nor a Kota`);
    all.push({ slug: slugOf(name), code, kind, name, timeZone: timeZoneOf(province) });
  }
  all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(all.map((r) => [r.code, r]));
  const first = FIRST_REGIONS.map(([code]) => {
    const region = byCode.get(code);
    if (!region) throw new Error(`bench region ${code} is not in idn-area-data`);
    return region;
  });
  const chosen = new Set(first.map((r) => r.code));
  const regions = [...first, ...all.filter((r) => !chosen.has(r.code))];
  const slugs = new Set(regions.map((r) => r.slug));
  if (slugs.size !== regions.length) throw new Error('two bench regions have the same slug');
  return regions;
}
