/**
 * The reports app's data feeds (`AppManifest.dataFeeds`) for an open-data catalogue: monthly counts
 * of the public reports, per category and handling agency, and per kelurahan. Counts only: no text,
 * place or person of any report. Which reports count, and why confidential ones do not:
 * repo/feed-counts.ts.
 */
import type { DataColumn, DataFeed } from '../../../platform/sdk/index.ts';
import { countsPerAreaMonth, countsPerCategoryMonth } from '../repo/feed-counts.ts';

const MONTH: DataColumn = {
  name: 'month',
  type: 'date',
  label: { id: 'Bulan', en: 'Month' },
  description: {
    id: 'Hari pertama bulan laporan diajukan, menurut zona waktu daerah.',
    en: 'The first day of the month the reports were filed in, in the region’s time zone.',
  },
};
const CATEGORY_CODE: DataColumn = {
  name: 'category_code',
  type: 'text',
  label: { id: 'Kode kategori', en: 'Category code' },
  description: { id: 'Kode tetap kategori laporan.', en: 'The report category’s stable code.' },
};
const CATEGORY: DataColumn = {
  name: 'category',
  type: 'text',
  label: { id: 'Kategori', en: 'Category' },
  description: { id: 'Nama kategori laporan.', en: 'The report category’s name (in Indonesian).' },
};
const FILED: DataColumn = {
  name: 'filed',
  type: 'int',
  label: { id: 'Laporan masuk', en: 'Reports filed' },
  description: {
    id: 'Jumlah laporan terbuka untuk umum yang diajukan pada bulan itu (laporan rahasia dan yang belum boleh tampil tidak dihitung).',
    en: 'Reports open to the public filed that month (confidential reports and those not yet shown to the public are not counted).',
  },
  unit: 'laporan',
};
const DONE: DataColumn = {
  name: 'done',
  type: 'int',
  label: { id: 'Sudah ditindaklanjuti', en: 'Followed up' },
  description: {
    id: 'Dari laporan itu, yang sudah pernah dinyatakan selesai ditindaklanjuti oleh perangkat daerah.',
    en: 'Of those reports, the ones the agency has reported followed up at least once.',
  },
  unit: 'laporan',
};

export const reportDataFeeds: readonly DataFeed[] = [
  {
    id: 'reports-per-category-month',
    title: {
      id: 'Laporan warga per kategori, perangkat daerah dan bulan',
      en: 'Citizen reports per category, agency and month',
    },
    description: {
      id: 'Jumlah aspirasi dan pengaduan warga yang terbuka untuk umum per bulan pengajuan, kategori dan perangkat daerah yang menanganinya, dengan jumlah yang sudah ditindaklanjuti dan median lama tindak lanjutnya.',
      en: 'Public citizen aspirations and complaints per month of filing, category and handling agency, with how many were followed up and the median time to follow-up.',
    },
    frequency: 'daily',
    keywords: ['pengaduan', 'aspirasi', 'laporan warga', 'pelayanan publik'],
    indicator: { id: 'Jumlah laporan warga', en: 'Number of citizen reports' },
    unit: 'laporan',
    columns: [
      MONTH,
      CATEGORY_CODE,
      CATEGORY,
      {
        name: 'agency_code',
        type: 'text',
        label: { id: 'Kode perangkat daerah', en: 'Agency code' },
        description: {
          id: 'Kode perangkat daerah yang kini menangani laporan; kosong bila belum didisposisikan.',
          en: 'The code of the agency now handling the reports; empty while not yet assigned.',
        },
      },
      {
        name: 'agency',
        type: 'text',
        label: { id: 'Perangkat daerah', en: 'Agency' },
        description: { id: 'Nama perangkat daerah itu.', en: 'That agency’s name.' },
      },
      FILED,
      DONE,
      {
        name: 'median_days_to_done',
        type: 'numeric',
        label: { id: 'Median hari sampai ditindaklanjuti', en: 'Median days to follow-up' },
        description: {
          id: 'Median hari kalender dari pengajuan sampai pertama kali dinyatakan selesai, atas laporan yang sudah ditindaklanjuti (satu desimal); kosong bila belum ada.',
          en: 'The median calendar days from filing to the first follow-up, over the reports followed up (one decimal); empty when there are none.',
        },
        unit: 'hari',
      },
    ],
    rows: async (scope, _platform, tenant) => await countsPerCategoryMonth(scope, tenant.timeZone),
  },
  {
    id: 'reports-per-area-month',
    title: {
      id: 'Laporan warga per kelurahan, kategori dan bulan',
      en: 'Citizen reports per kelurahan, category and month',
    },
    description: {
      id: 'Jumlah aspirasi dan pengaduan warga yang terbuka untuk umum per bulan pengajuan, kelurahan (sebagaimana ditulis pelapor) dan kategori, dengan jumlah yang sudah ditindaklanjuti.',
      en: 'Public citizen aspirations and complaints per month of filing, kelurahan (as the reporter wrote it) and category, with how many were followed up.',
    },
    frequency: 'daily',
    keywords: ['pengaduan', 'aspirasi', 'laporan warga', 'kelurahan'],
    indicator: { id: 'Jumlah laporan warga', en: 'Number of citizen reports' },
    unit: 'laporan',
    columns: [
      MONTH,
      {
        name: 'kelurahan',
        type: 'text',
        label: { id: 'Kelurahan', en: 'Kelurahan' },
        description: {
          id: 'Kelurahan sebagaimana ditulis pelapor (ejaan yang hanya berbeda huruf besar-kecil digabung); kosong bila pelapor tidak menyebutnya.',
          en: 'The kelurahan as the reporter wrote it (spellings differing only in case are counted together); empty when the reporter named none.',
        },
      },
      CATEGORY_CODE,
      CATEGORY,
      FILED,
      DONE,
    ],
    rows: async (scope, _platform, tenant) => await countsPerAreaMonth(scope, tenant.timeZone),
  },
];
