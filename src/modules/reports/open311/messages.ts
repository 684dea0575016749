/** The Open311 interface's messages (under `reports.open311`): error descriptions and the words of its views. */

export const open311Messages = {
  id: {
    error: {
      jurisdiction_missing:
        'jurisdiction_id wajib diisi: sebutkan daerahnya (slug Balai, mis. kota-tangerang, atau domainnya).',
      jurisdiction_unknown:
        'jurisdiction_id "{{value}}" tidak dikenal atau daerah itu belum memakai layanan pengaduan.',
      api_key_missing:
        'api_key wajib diisi untuk membuat laporan: gunakan token API Balai (balai_…) milik daerah ini.',
      api_key_invalid:
        'api_key tidak valid untuk daerah ini: token tidak dikenal, kedaluwarsa, atau dicabut.',
      date: '{{field}} bukan tanggal-waktu W3C/ISO 8601 yang valid (mis. 2026-11-23T10:15:00+07:00).',
      date_order: 'start_date harus sebelum end_date.',
      date_span: 'Rentang start_date sampai end_date maksimal {{days}} hari.',
      status: 'status hanya boleh open, closed, atau keduanya dipisah koma.',
      page: 'page harus bilangan bulat 1 sampai {{max}}.',
      page_size: 'page_size harus bilangan bulat 1 sampai {{max}}.',
      too_many_ids: 'Paling banyak {{max}} service_request_id dalam satu permintaan.',
      service_code_missing: 'service_code wajib diisi.',
      service_code_unknown: 'service_code "{{value}}" tidak dikenal.',
      location_missing: 'Sebutkan lokasinya: lat dan long, atau address_string.',
      address_id:
        'address_id tidak dapat dipakai: daerah ini tidak memiliki basis data alamat. Kirim lat dan long, atau address_string.',
      report_type: 'attribute[report_type] harus salah satu dari: {{allowed}}.',
      yes_no: 'attribute[{{code}}] harus true atau false.',
      media_url: 'media_url harus alamat http atau https, maksimal 2000 karakter.',
      request_unknown: 'Tidak ada laporan publik dengan service_request_id ini.',
      token_unknown: 'Tidak ada laporan publik dengan token ini.',
      route: 'Sumber daya Open311 ini tidak ada. Lihat discovery.json atau discovery.xml.',
      field: '{{field}}: {{message}}',
    },
    type: {
      aspiration: 'Aspirasi',
      complaint: 'Pengaduan',
      information_request: 'Permintaan informasi',
    },
    attribute: {
      report_type: 'Jenis laporan',
      report_type_hint: 'Kosongkan untuk pengaduan (complaint).',
      kelurahan: 'Kelurahan atau desa tempat masalah berada',
      kelurahan_hint: 'Nama kelurahan/desa, 2–100 karakter.',
      confidential: 'Laporan rahasia: tidak pernah ditampilkan untuk publik',
      anonymous: 'Laporan anonim: identitas pelapor disembunyikan dari petugas',
      yes_no_hint: 'true atau false (bawaan: false).',
      yes: 'Ya',
      no: 'Tidak',
    },
    service: {
      description: 'Laporan warga tentang {{name}}.',
      descriptionAgency: 'Laporan warga tentang {{name}}, ditindaklanjuti oleh {{agency}}.',
    },
    notice: {
      triage: 'Laporan diverifikasi dan diteruskan ke perangkat daerah paling lambat {{due}}.',
      follow_up: '{{agency}} menindaklanjuti laporan paling lambat {{due}}.',
      follow_up_unassigned: 'Laporan ditindaklanjuti paling lambat {{due}}.',
      reporter: 'Tindak lanjut selesai. Laporan ditutup otomatis pada {{due}} bila pelapor tidak menanggapi.',
      awaiting_info: 'Menunggu informasi tambahan dari pelapor.',
      overdue: 'Batas waktu tahap ini ({{due}}) sudah lewat.',
    },
    statusNote: {
      referred: '{{status}}: {{tenant}}, nomor {{trackingNo}}',
      duplicate: '{{status}} dari laporan {{trackingNo}}',
    },
    discovery: {
      contact: 'Layanan pengaduan {{tenant}} di Balai: {{url}}',
      key_service:
        'api_key adalah token API Balai: masuk di {{tenant}}, lalu buat token dengan POST {{tokens}}. Token integrasi mengirim laporan atas nama pelapor; token warga mengirim laporan atas nama warga itu.',
    },
  },
  en: {
    error: {
      jurisdiction_missing:
        'jurisdiction_id is required: name the region (its Balai slug, e.g. kota-tangerang, or its domain).',
      jurisdiction_unknown:
        'jurisdiction_id "{{value}}" is unknown, or that region does not use the complaints app.',
      api_key_missing:
        'api_key is required to create a request: use a Balai API token (balai_…) of this region.',
      api_key_invalid: 'Invalid api_key for this region: the token is unknown, expired or revoked.',
      date: '{{field}} is not a valid W3C/ISO 8601 date-time (e.g. 2026-11-23T10:15:00+07:00).',
      date_order: 'start_date must come before end_date.',
      date_span: 'start_date to end_date may span at most {{days}} days.',
      status: 'status may be open, closed, or both separated by a comma.',
      page: 'page must be a whole number from 1 to {{max}}.',
      page_size: 'page_size must be a whole number from 1 to {{max}}.',
      too_many_ids: 'At most {{max}} service_request_id values in one request.',
      service_code_missing: 'service_code is required.',
      service_code_unknown: 'service_code "{{value}}" is unknown.',
      location_missing: 'Give the location: lat and long, or address_string.',
      address_id:
        'address_id cannot be used: this region has no address repository. Send lat and long, or address_string.',
      report_type: 'attribute[report_type] must be one of: {{allowed}}.',
      yes_no: 'attribute[{{code}}] must be true or false.',
      media_url: 'media_url must be an http or https URL of at most 2000 characters.',
      request_unknown: 'There is no public request with this service_request_id.',
      token_unknown: 'There is no public request with this token.',
      route: 'There is no such Open311 resource. See discovery.json or discovery.xml.',
      field: '{{field}}: {{message}}',
    },
    type: {
      aspiration: 'Aspiration',
      complaint: 'Complaint',
      information_request: 'Information request',
    },
    attribute: {
      report_type: 'Kind of report',
      report_type_hint: 'Leave empty for a complaint.',
      kelurahan: 'Kelurahan or village where the problem is',
      kelurahan_hint: 'Name of the kelurahan/village, 2–100 characters.',
      confidential: 'Confidential: the report is never shown to the public',
      anonymous: "Anonymous: the reporter's identity is hidden from staff",
      yes_no_hint: 'true or false (default: false).',
      yes: 'Yes',
      no: 'No',
    },
    service: {
      description: 'Citizen reports about {{name}}.',
      descriptionAgency: 'Citizen reports about {{name}}, followed up by {{agency}}.',
    },
    notice: {
      triage: 'The report is verified and forwarded to the responsible agency by {{due}}.',
      follow_up: '{{agency}} follows the report up by {{due}}.',
      follow_up_unassigned: 'The report is followed up by {{due}}.',
      reporter: 'Followed up. The report closes by itself on {{due}} unless the reporter answers.',
      awaiting_info: 'Waiting for more information from the reporter.',
      overdue: 'The deadline of this stage ({{due}}) has passed.',
    },
    statusNote: {
      referred: '{{status}}: {{tenant}}, number {{trackingNo}}',
      duplicate: '{{status}} of report {{trackingNo}}',
    },
    discovery: {
      contact: 'Complaints service of {{tenant}} on Balai: {{url}}',
      key_service:
        'The api_key is a Balai API token: sign in at {{tenant}}, then create one with POST {{tokens}}. An integration token files reports on behalf of the person named in the request; a citizen token files them as that citizen.',
    },
  },
};
