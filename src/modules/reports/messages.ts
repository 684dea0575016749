/** The reports app's messages: its own (`reports.*`) and what it adds to the platform's error groups. */

import { open311Messages } from './open311/messages.ts';

const statusId = {
  received: 'Diterima',
  awaiting_info: 'Menunggu informasi pelapor',
  verified: 'Terverifikasi',
  disposed: 'Didisposisikan',
  in_progress: 'Sedang ditindaklanjuti',
  done: 'Selesai ditindaklanjuti',
  closed: 'Ditutup',
  rejected: 'Ditolak',
  referred: 'Dirujuk ke daerah lain',
  duplicate: 'Duplikat',
  reopened: 'Dibuka kembali',
};
const statusEn = {
  received: 'Received',
  awaiting_info: 'Awaiting information from the reporter',
  verified: 'Verified',
  disposed: 'Assigned to an agency',
  in_progress: 'In progress',
  done: 'Followed up',
  closed: 'Closed',
  rejected: 'Rejected',
  referred: 'Referred to another region',
  duplicate: 'Duplicate',
  reopened: 'Reopened',
};

export const messages = {
  id: {
    status: statusId,
    open311: open311Messages.id,
    mail: {
      subject: 'Laporan {{trackingNo}}: {{status}} ({{tenant}})',
      body: 'Laporan Anda dengan nomor {{trackingNo}} kini berstatus: {{status}}.',
      assignedSubject: 'Laporan {{trackingNo}} ditugaskan kepada Anda',
      assignedBody: 'Laporan {{trackingNo}} di {{tenant}} ditugaskan kepada Anda untuk ditindaklanjuti.',
      overdueSubject: 'Laporan {{trackingNo}} melewati tenggat',
      overdueBody:
        'Laporan {{trackingNo}} di {{tenant}} telah melewati tenggat waktu penanganan. Segera tindak lanjuti.',
    },
    messaging: {
      reply: 'Terima kasih. Laporan Anda kami terima dengan nomor {{trackingNo}}. Pantau di {{url}}',
    },
    lapor: { noPlace: 'Lokasi belum disebutkan (laporan dari SP4N-LAPOR! {{laporId}})' },
  },
  en: {
    status: statusEn,
    open311: open311Messages.en,
    mail: {
      subject: 'Report {{trackingNo}}: {{status}} ({{tenant}})',
      body: 'Your report {{trackingNo}} is now: {{status}}.',
      assignedSubject: 'Report {{trackingNo}} is assigned to you',
      assignedBody: 'Report {{trackingNo}} in {{tenant}} is assigned to you for follow-up.',
      overdueSubject: 'Report {{trackingNo}} is overdue',
      overdueBody: 'Report {{trackingNo}} in {{tenant}} is past its deadline. Please follow it up now.',
    },
    messaging: {
      reply: 'Thank you. We received your report as {{trackingNo}}. Follow it at {{url}}',
    },
    lapor: { noPlace: 'No place given yet (report from SP4N-LAPOR! {{laporId}})' },
  },
};

export const sharedMessages = {
  id: {
    detail: {
      report_action: 'Tindakan "{{action}}" tidak dapat dilakukan pada laporan berstatus "{{status}}".',
      reopen_window: 'Laporan hanya dapat dibuka kembali dalam {{days}} hari kerja setelah ditindaklanjuti.',
      idempotency_mismatch:
        'Idempotency-Key ini sudah dipakai untuk laporan lain. Gunakan kunci baru untuk laporan baru.',
      report_elsewhere: 'Lokasi ini berada di wilayah {{place}}: sampaikan laporan ke daerah tersebut.',
    },
    field: {
      unknown_category: 'Kategori tidak dikenal.',
      outside_area: 'Lokasi berada di luar wilayah {{tenant}}.',
      location_required: 'Isi titik lokasi (lintang dan bujur) atau alamat.',
      unknown_agency: 'Perangkat daerah tidak dikenal.',
      same_agency: 'Laporan sudah berada di perangkat daerah ini.',
      unknown_report: 'Laporan tidak dikenal.',
      self_reference: 'Laporan tidak dapat menjadi duplikat dirinya sendiri.',
      not_followable: 'Laporan ini sudah ditolak atau dirujuk; pilih laporan lain.',
      unknown_user: 'Petugas tidak dikenal.',
      unknown_tenant: 'Daerah tujuan tidak dikenal atau belum memakai layanan pengaduan.',
      no_categories: 'Daerah tujuan belum memiliki kategori laporan.',
      image_type: 'Berkas bukan foto yang didukung (terdeteksi: {{detected}}).',
      image_unreadable: 'Foto tidak dapat dibaca.',
      image_pixels: 'Resolusi foto terlalu besar.',
    },
    entity: { report: 'Laporan', photo: 'Foto', category: 'Kategori' },
  },
  en: {
    detail: {
      report_action: 'The action "{{action}}" is not possible on a report that is "{{status}}".',
      reopen_window: 'A report can be reopened only within {{days}} working days of its follow-up.',
      idempotency_mismatch: 'This Idempotency-Key was already used for another report. Use a new key.',
      report_elsewhere: 'This place is in {{place}}: please report it there.',
    },
    field: {
      unknown_category: 'Unknown category.',
      outside_area: 'The location is outside {{tenant}}.',
      location_required: 'Give a map location (latitude and longitude) or an address.',
      unknown_agency: 'Unknown agency.',
      same_agency: 'The report is already with this agency.',
      unknown_report: 'Unknown report.',
      self_reference: 'A report cannot be a duplicate of itself.',
      not_followable: 'That report was rejected or referred; choose another.',
      unknown_user: 'Unknown officer.',
      unknown_tenant: 'Unknown region, or one that does not use the complaints app.',
      no_categories: 'The region has no report categories yet.',
      image_type: 'The file is not a supported photo (detected: {{detected}}).',
      image_unreadable: 'The photo cannot be read.',
      image_pixels: 'The photo has too many pixels.',
    },
    entity: { report: 'Report', photo: 'Photo', category: 'Category' },
  },
};
