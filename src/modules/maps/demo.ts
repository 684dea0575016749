/**
 * The app's demo data: a public layer of health centres (puskesmas and their auxiliary posts) for
 * each demo tenant where the app is live, with a colour per kind and its legend. Kota Tangerang's
 * are named after its districts; the positions are invented but plausible, inside the tenant's
 * area (other tenants' are spread over their area by a fixed grid).
 */
import {
  type AgencyAccess,
  containsPoint,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import { changeLayer } from './services/edit.ts';
import { createLayer, readUploadedLayer } from './services/upload.ts';

const TANGERANG: [name: string, kind: 'Puskesmas' | 'Pustu', lat: number, lng: number][] = [
  ['Puskesmas Tangerang', 'Puskesmas', -6.1771, 106.6322],
  ['Puskesmas Cibodas', 'Puskesmas', -6.1863, 106.6087],
  ['Puskesmas Jatiuwung', 'Puskesmas', -6.1917, 106.5874],
  ['Puskesmas Karawaci Baru', 'Puskesmas', -6.1958, 106.6171],
  ['Puskesmas Cipondoh', 'Puskesmas', -6.1853, 106.6793],
  ['Puskesmas Ciledug', 'Puskesmas', -6.2281, 106.7052],
  ['Puskesmas Larangan Utara', 'Puskesmas', -6.2247, 106.7288],
  ['Puskesmas Karang Tengah', 'Puskesmas', -6.2115, 106.7146],
  ['Puskesmas Pinang', 'Puskesmas', -6.2229, 106.6698],
  ['Puskesmas Neglasari', 'Puskesmas', -6.1512, 106.6379],
  ['Puskesmas Batuceper', 'Puskesmas', -6.1628, 106.6613],
  ['Puskesmas Periuk Jaya', 'Puskesmas', -6.1703, 106.5969],
  ['Pustu Poris Plawad', 'Pustu', -6.1734, 106.6588],
  ['Pustu Sukasari', 'Pustu', -6.1792, 106.6371],
  ['Pustu Kunciran', 'Pustu', -6.2178, 106.6862],
];

const EVERYWHERE: AgencyAccess = Object.freeze({
  userId: null,
  everywhere: true,
  may: () => true,
  agencies: () => null,
});

/** Health centres for a tenant: Tangerang's own, or points on a grid inside another tenant's area. */
function healthCentres(tenant: VerifiedTenant) {
  if (tenant.slug === 'kota-tangerang') return TANGERANG;
  const [w, s, e, n] = tenant.areaBBox ?? [106.59, -6.25, 106.72, -6.15];
  const found: typeof TANGERANG = [];
  for (let i = 1; i < 6 && found.length < 10; i++) {
    for (let j = 1; j < 6 && found.length < 10; j++) {
      const lat = Number((s + ((n - s) * i) / 6).toFixed(4));
      const lng = Number((w + ((e - w) * j) / 6).toFixed(4));
      if (tenant.area && !containsPoint(tenant.area, lat, lng)) continue;
      const k = found.length + 1;
      found.push([
        k % 4 === 0 ? `Pustu ${k}` : `Puskesmas ${k}`,
        k % 4 === 0 ? 'Pustu' : 'Puskesmas',
        lat,
        lng,
      ]);
    }
  }
  return found;
}

export async function seedDemo(
  _platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<void> {
  const centres = healthCentres(tenant);
  if (centres.length === 0) return;
  const geojson = {
    type: 'FeatureCollection',
    features: centres.map(([nama, jenis, lat, lng]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        nama,
        jenis,
        buka: jenis === 'Puskesmas' ? 'Senin–Sabtu 07.30–14.00' : 'Senin–Jumat 08.00–12.00',
      },
    })),
  };
  const file = await readUploadedLayer(Buffer.from(JSON.stringify(geojson)), 'puskesmas.geojson', null);
  const layer = await createLayer(
    scope,
    EVERYWHERE,
    {
      title: `Puskesmas ${tenant.name}`,
      name: 'puskesmas',
      description: 'Pusat kesehatan masyarakat dan puskesmas pembantu (data contoh).',
      attribution: 'Dinas Kesehatan (data contoh)',
      licence: 'CC-BY-4.0',
      access: 'public',
    },
    file,
  );
  await changeLayer(scope, EVERYWHERE, layer.id, {
    style: {
      color: '#2e7d32',
      by: {
        property: 'jenis',
        values: [
          { value: 'Puskesmas', color: '#2e7d32', label: { id: 'Puskesmas', en: 'Health centre' } },
          {
            value: 'Pustu',
            color: '#ef6c00',
            label: { id: 'Puskesmas pembantu', en: 'Auxiliary health centre' },
          },
        ],
      },
    },
  });
}
