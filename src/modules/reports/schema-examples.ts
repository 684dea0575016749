/**
 * The examples of the reports app's API reference: one pothole report in Kota Tangerang, seen
 * through the answers that show it. The schemas carry them (`examples`), and the OpenAPI test
 * checks each one against its schema, so an example that drifts from its answer fails there.
 */

const REPORT_ID = '01939a61-3c2f-7e08-9b5d-4a1c7e2f0d93';
const PHOTO_ID = '01939a61-3d70-7a14-8c6e-2b9f0d5a1e48';
const PUPR = {
  id: '01939a3f-0b6d-7e42-b1a9-8d2c4f6e0a17',
  name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
};

export const publicReportExample = {
  id: REPORT_ID,
  trackingNo: '261204-K7QX2',
  type: 'complaint',
  category: { code: 'jalan-rusak', name: 'Jalan rusak' },
  description: 'Jalan berlubang cukup dalam di depan SDN Cipondoh 3, membahayakan pengendara motor.',
  status: 'disposed',
  lat: -6.1852,
  lng: 106.6821,
  address: 'Jl. KH Hasyim Ashari No. 12',
  kelurahan: 'Cipondoh Indah',
  agency: PUPR,
  dueAt: '2026-12-18T16:59:59.999Z',
  overdue: false,
  duplicateOf: null,
  referredTo: null,
  rejectReason: null,
  rating: null,
  confidential: false,
  public: true,
  createdAt: '2026-12-04T02:10:00.000Z',
  updatedAt: '2026-12-04T07:45:00.000Z',
  photos: [
    { id: PHOTO_ID, kind: 'report', url: `/t/kota-tangerang/api/v1/reports/${REPORT_ID}/photos/${PHOTO_ID}` },
  ],
};

export const reportDetailExample = {
  ...publicReportExample,
  history: [
    {
      at: '2026-12-04T02:10:00.000Z',
      kind: 'filed',
      fromStatus: null,
      toStatus: 'received',
      actorRole: 'reporter',
      agency: null,
      note: null,
      data: null,
      photos: publicReportExample.photos,
    },
    {
      at: '2026-12-04T07:45:00.000Z',
      kind: 'dispose',
      fromStatus: 'verified',
      toStatus: 'disposed',
      actorRole: 'operator',
      actorName: 'Siti Rahmawati',
      agency: PUPR,
      note: 'Mohon ditindaklanjuti oleh UPT Jalan dan Jembatan.',
      data: { track: 'field_work' },
      photos: [],
    },
  ],
  actions: ['add_info'],
};

export const filedExample = {
  id: REPORT_ID,
  trackingNo: '261204-K7QX2',
  status: 'received',
  dueAt: '2026-12-07T16:59:59.999Z',
  secret: 'Qm7vXc2LpR9tWz4kNb8HdF3sYe6GaJ1u',
};

export const newReportExample = {
  type: 'complaint',
  category: 'jalan-rusak',
  description: publicReportExample.description,
  lat: -6.1852,
  lng: 106.6821,
  address: 'Jl. KH Hasyim Ashari No. 12',
  kelurahan: 'Cipondoh Indah',
  name: 'Budi Santoso',
  phone: '081234567890',
};

export const categoryExample = {
  code: 'jalan-rusak',
  name: { id: 'Jalan rusak', en: 'Damaged road' },
  agencyId: PUPR.id,
  verifyDays: 3,
  followUpDays: 14,
  defaultTrack: 'field_work',
  active: true,
  sort: 10,
};

const deadlinesExample = {
  verifyDays: 3,
  followUpDays: { standard: 14, dispute: 30, field_work: 21 },
  typeFollowUpDays: { information_request: 10 },
  autoCloseDays: 10,
  reopenDays: 30,
};

export const settingsExample = {
  displayName: 'LAKSA Kota Tangerang',
  deadlines: deadlinesExample,
  duplicateRadiusM: 100,
  duplicateWindowDays: 30,
  minStatsSample: 20,
  laporEnabled: true,
  verifyBeforePublic: true,
  addressExample: 'Jl. Daan Mogot No. 5',
};

export const similarExample = [
  {
    id: '01939a5c-0e41-7b2d-a7f3-9c1e4d6b8a05',
    trackingNo: '261203-P4MZ8',
    status: 'in_progress',
    description: 'Lubang besar di Jl. KH Hasyim Ashari dekat sekolah.',
    distanceM: 35,
    createdAt: '2026-12-03T09:12:00.000Z',
  },
];

export const agencyStatsExample = {
  from: '2026-09-01',
  to: '2026-11-30',
  minSample: 20,
  agencies: [
    {
      agency: PUPR,
      disposed: 148,
      completed: 131,
      openOverdue: 4,
      medianFollowUpDays: 6.5,
      onTimeShare: 0.87,
      enoughData: true,
    },
  ],
};

export const summaryExample = {
  total: 212,
  overdue: 7,
  byStatus: { received: 9, verified: 4, disposed: 18, in_progress: 25, done: 41, closed: 115 },
  byCategory: { 'jalan-rusak': 96, 'lampu-jalan': 58, sampah: 58 },
  overdueByAgency: [{ agency: PUPR, overdue: 4 }],
};

export const messagingExample = {
  messageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA',
  from: '+6281234567890',
  name: 'Budi Santoso',
  text: 'Lampu jalan mati sudah seminggu di Jl. Daan Mogot dekat halte Batuceper.',
  address: 'Jl. Daan Mogot, Batuceper',
};
