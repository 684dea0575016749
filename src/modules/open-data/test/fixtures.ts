/** What the app's suites share: a CSV upload's form and a dataset's metadata. */
import { multipartForm } from '../../../../test/support/harness.ts';

export function csvUpload(csv: string, fields: Record<string, string> = {}, filename = 'penduduk.csv') {
  return multipartForm([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', filename, type: 'text/csv', bytes: Buffer.from(csv) },
  ]);
}

export const metadata = {
  title: 'Jumlah Penduduk per Kecamatan',
  description: 'Jumlah penduduk menurut kecamatan, dari data kependudukan.',
  classification: 'open',
  affairCode: '2.06',
  subAffairCode: '2.06.02',
  indicator: 'Jumlah penduduk',
  unit: 'jiwa',
  keywords: ['Penduduk', 'kecamatan'],
  licenseId: 'cc-by',
  frequency: 'annual',
  temporalStart: '2025-01-01',
  temporalEnd: '2025-12-31',
  contactName: 'Bidang Data Disdukcapil',
  contactEmail: 'data@tangerangkota.go.id',
  themes: ['kependudukan'],
};
