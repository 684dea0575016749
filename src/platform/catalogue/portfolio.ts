/**
 * The catalogue as Kota Tangerang offers it: the apps other regions adopt by MoU and PKS (from the
 * seeds: the sixteen apps Luwu Timur took, and the job app Bangka Selatan took). An entry is data;
 * the apps whose module is installed also serve routes (`has_module`). Brand names are data too:
 * a tenant may rename an app.
 */
import type { Category, Channel } from './manifest.ts';

export type PortfolioEntry = Readonly<{
  code: string;
  name: string;
  category: Category;
  channels: readonly Channel[];
  description: Readonly<{ id: string; en: string }>;
}>;

const all: Channel[] = ['web', 'android', 'webservice'];

export const PORTFOLIO: readonly PortfolioEntry[] = [
  {
    code: 'reports',
    name: 'LAKSA',
    category: 'e-government',
    channels: all,
    description: {
      id: 'Layanan Aspirasi Kotak Saran Anda: aspirasi dan pengaduan warga',
      en: 'Citizen aspirations and complaints',
    },
  },
  {
    code: 'citizen-portal',
    name: 'Tangerang LIVE',
    category: 'e-government',
    channels: ['web', 'android'],
    description: {
      id: 'Aplikasi warga yang menghimpun layanan',
      en: 'Citizen super-app gathering the services',
    },
  },
  {
    code: 'command-centre',
    name: 'LIVE Room',
    category: 'e-government',
    channels: ['web'],
    description: {
      id: 'Ruang kendali: laporan dan indikator secara langsung',
      en: 'Command centre: live reports and indicators',
    },
  },
  {
    code: 'market-prices',
    name: 'SEGAR',
    category: 'e-logistics',
    channels: all,
    description: { id: 'Harga bahan pokok harian di pasar', en: 'Daily staple-food market prices' },
  },
  {
    code: 'jobs',
    name: 'Siap Kerja',
    category: 'e-government',
    channels: all,
    description: {
      id: 'Lowongan kerja, pencari kerja dan kartu AK1',
      en: 'Job vacancies, job seekers and the AK1 card',
    },
  },
  {
    code: 'e-office',
    name: 'eOffice',
    category: 'e-government',
    channels: ['web', 'android'],
    description: { id: 'Naskah dinas elektronik', en: 'Paperless official documents' },
  },
  {
    code: 'staff-records',
    name: 'SIAP',
    category: 'e-government',
    channels: ['web'],
    description: { id: 'Sistem informasi aparatur pemerintah', en: 'Civil-servant information system' },
  },
  {
    code: 'open-data',
    name: 'Open Data',
    category: 'e-government',
    channels: ['web', 'webservice'],
    description: { id: 'Katalog data terbuka', en: 'Open data catalogue' },
  },
  {
    code: 'websites',
    name: 'Website OPD',
    category: 'e-government',
    channels: ['web', 'webservice'],
    description: { id: 'Situs dan berita perangkat daerah', en: 'Agency websites and news' },
  },
  {
    code: 'archives',
    name: 'SI SAHAB',
    category: 'e-government',
    channels: ['web'],
    description: { id: 'Arsip dinas', en: 'Official archives' },
  },
  {
    code: 'queues',
    name: 'Sistem Antrian',
    category: 'e-government',
    channels: ['web', 'android'],
    description: { id: 'Antrean loket layanan', en: 'Service-counter queues' },
  },
  {
    code: 'audit-office',
    name: 'e-Audit',
    category: 'e-government',
    channels: ['web'],
    description: { id: 'Pemeriksaan inspektorat', en: 'Inspectorate audits' },
  },
  {
    code: 'permits',
    name: 'Perizinan Online',
    category: 'e-government',
    channels: ['web', 'webservice'],
    description: { id: 'Perizinan daring', en: 'Online permits' },
  },
  {
    code: 'school-data',
    name: 'SISTAD',
    category: 'e-education',
    channels: ['web'],
    description: { id: 'Data sekolah dan siswa', en: 'School and student data' },
  },
  {
    code: 'public-services',
    name: 'PELANA',
    category: 'e-government',
    channels: ['web'],
    description: { id: 'Pelayanan administrasi kependudukan', en: 'Civil-registration services' },
  },
  {
    code: 'field-response',
    name: 'SIGAP',
    category: 'e-government',
    channels: ['web', 'android'],
    description: { id: 'Petugas lapangan tanggap laporan', en: 'Field officers answering reports' },
  },
  {
    code: 'hospital-beds',
    name: 'SIMPATI RS',
    category: 'e-health',
    channels: ['web', 'webservice'],
    description: { id: 'Ketersediaan tempat tidur rumah sakit', en: 'Hospital bed availability' },
  },
  {
    code: 'webgis',
    name: 'WebGIS',
    category: 'e-government',
    channels: ['web', 'webservice'],
    description: { id: 'Peta tematik daerah', en: 'Regional thematic maps' },
  },
  {
    code: 'procurement',
    name: 'LPSE',
    category: 'e-procurement',
    channels: ['web'],
    description: { id: 'Pengadaan barang dan jasa', en: 'Public procurement' },
  },
];
