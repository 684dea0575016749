/**
 * The platform's messages in Bahasa Indonesia (first) and English. Keys are grouped by use:
 * `error.<code>` titles, `detail.<code>` sentences, `field.<code>` for one offending field.
 * Modules add their own namespaces through `addMessages`.
 */
export const id = {
  error: {
    validation: 'Data tidak valid',
    bad_request: 'Permintaan tidak dapat diproses',
    unauthenticated: 'Perlu masuk',
    csrf: 'Token formulir tidak valid',
    forbidden: 'Akses ditolak',
    not_found: 'Tidak ditemukan',
    conflict: 'Terjadi konflik data',
    invalid_transition: 'Perubahan status tidak diizinkan',
    payload_too_large: 'Data terlalu besar',
    uri_too_long: 'Alamat terlalu panjang',
    unsupported_media_type: 'Jenis konten tidak didukung',
    rate_limited: 'Terlalu banyak permintaan',
    locked: 'Akun dikunci sementara',
    internal: 'Terjadi kesalahan pada server',
    unavailable: 'Layanan sedang tidak tersedia',
  },
  detail: {
    validation: 'Periksa kembali isian yang ditandai.',
    bad_request: 'Permintaan tidak dapat diproses: {{reason}}',
    unauthenticated: 'Silakan masuk terlebih dahulu.',
    bad_credentials: 'Email/nomor telepon atau kata sandi salah.',
    csrf: 'Muat ulang halaman lalu kirim kembali formulir.',
    forbidden: 'Anda tidak memiliki izin untuk tindakan ini.',
    not_found: '{{entity}} tidak ditemukan.',
    conflict: 'Data bertentangan dengan data yang sudah ada.',
    agency_cycle: 'Perangkat daerah tidak dapat dipindah ke bawah unitnya sendiri.',
    last_admin: 'Admin daerah terakhir tidak dapat dicabut perannya.',
    invalid_transition: 'Status {{entity}} tidak dapat diubah dari "{{from}}" menjadi "{{to}}".',
    payload_too_large: 'Ukuran data melebihi batas.',
    uri_too_long: 'Salah satu bagian alamat lebih dari {{limit}} karakter.',
    bad_url: 'Alamat memuat kode persen (%) yang tidak valid.',
    unsupported_media_type: 'Jenis konten ini tidak didukung.',
    rate_limited: 'Coba lagi dalam {{retryAfter}} detik.',
    locked: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {{minutes}} menit.',
    internal: 'Kesalahan telah dicatat dengan nomor permintaan {{requestId}}.',
    unavailable: 'Coba lagi beberapa saat lagi.',
  },
  field: {
    required: 'Wajib diisi.',
    // The schema's type names (number, integer...) are a developer's words: people read these.
    type: 'Isi dengan $t(valueType.{{type}}, {"defaultValue": "{{type}}"}).',
    minLength: 'Minimal {{limit}} karakter.',
    maxLength: 'Maksimal {{limit}} karakter.',
    pattern: 'Format tidak sesuai.',
    format: 'Format tidak sesuai: isi dengan $t(valueFormat.{{format}}, {"defaultValue": "{{format}}"}).',
    enum: 'Pilih salah satu: {{allowed}}.',
    const: 'Nilai harus {{allowed}}.',
    minimum: 'Minimal {{limit}}.',
    maximum: 'Maksimal {{limit}}.',
    minItems: 'Minimal {{limit}} butir.',
    maxItems: 'Maksimal {{limit}} butir.',
    additionalProperties: 'Isian tidak dikenal.',
    invalid: 'Nilai tidak valid.',
    nul: 'Tidak boleh memuat karakter NUL (U+0000).',
    taken: 'Sudah digunakan.',
    host_taken: 'Nama host ini sudah dipakai situs atau daerah lain.',
    host_not_yours: 'Nama host harus berada di bawah domain daerah ini: {{domains}}.',
    unknown: 'Tidak dikenal.',
    region_code: 'Kode wilayah Kemendagri tidak valid untuk jenis daerah ini.',
    nik: 'NIK tidak valid ({{reason}}).',
    nip: 'NIP tidak valid ({{reason}}).',
    phone: 'Nomor telepon seluler Indonesia tidak valid.',
    email: 'Alamat email tidak valid.',
    password_weak: 'Kata sandi minimal 10 karakter.',
    password_wrong: 'Kata sandi saat ini salah.',
    reset_token:
      'Tautan atur ulang kata sandi tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau tidak lengkap. Minta tautan baru.',
    date: 'Tanggal tidak valid (format TTTT-BB-HH).',
    agreement_missing: 'Perjanjian yang diperlukan ({{kind}}) belum tercatat.',
    channel: 'Aplikasi ini tidak tersedia di kanal {{channel}}.',
    area_type: 'Wilayah harus berupa geometri GeoJSON Polygon atau MultiPolygon.',
    area_shape:
      'Susunan koordinat di {{at}} tidak sesuai GeoJSON: Polygon berisi daftar ring, MultiPolygon berisi daftar Polygon, ring berisi daftar posisi.',
    area_position:
      'Posisi {{at}} harus [bujur, lintang] berupa angka, bujur antara -180 dan 180, lintang antara -90 dan 90.',
    area_ring_short: 'Ring {{at}} harus memiliki minimal 4 posisi.',
    area_ring_open: 'Ring {{at}} tidak tertutup: posisi terakhirnya harus sama dengan posisi pertama.',
    area_ring_empty: 'Ring {{at}} tidak melingkupi luasan apa pun (semua posisinya segaris).',
    area_too_large: 'Wilayah maksimal {{limit}} posisi seluruhnya; sederhanakan garis batasnya.',
    area_points:
      'Berkas ini berisi titik atau garis, bukan batas wilayah. Unggah poligon batas wilayah (Polygon atau MultiPolygon).',
    logo_svg: 'Logo SVG tidak diterima. Unggah logo sebagai PNG (bisa diekspor dari SVG).',
    logo_type: 'Logo harus berupa gambar PNG, JPEG, atau WebP.',
    logo_size: 'Ukuran logo maksimal {{limit}}.',
  },
  /** What a schema's type and format names mean to a person (`field.type`, `field.format`). */
  valueType: {
    number: 'angka, misalnya 12 atau -6,17',
    integer: 'bilangan bulat, misalnya 12',
    string: 'teks',
    boolean: 'ya atau tidak',
    array: 'daftar isian',
    object: 'kelompok isian',
    null: 'kosong',
  },
  valueFormat: {
    email: 'alamat email, misalnya nama@contoh.id',
    date: 'tanggal TTTT-BB-HH, misalnya 2026-12-07',
    'date-time': 'tanggal dan jam, misalnya 2026-12-07T09:30:00+07:00',
    uuid: 'kode pengenal (UUID), misalnya 0193a0c2-7f3e-7c1a-9b1d-2f4e5a6b7c8d',
    uri: 'alamat web, misalnya https://contoh.id',
  },
  entity: {
    tenant: 'Daerah',
    app: 'Aplikasi',
    agency: 'Perangkat daerah',
    user: 'Pengguna',
    adoption: 'Adopsi aplikasi',
    agreement: 'Perjanjian',
    token: 'Token API',
    route: 'Alamat',
    holiday: 'Hari libur',
    logo: 'Logo',
  },
  notify: {
    welcome: {
      subject: 'Selamat datang di layanan {{tenant}}',
      body:
        'Halo {{name}},\n\n' +
        'Akun Anda untuk layanan daring {{tenant}} sudah dibuat. Anda dapat masuk dengan alamat email ini.\n\n' +
        'Jika Anda tidak merasa mendaftar, abaikan pesan ini.\n\n' +
        'Salam,\n{{tenant}}\n',
    },
    passwordReset: {
      subject: 'Atur ulang kata sandi layanan {{tenant}}',
      body:
        'Halo {{name}},\n\n' +
        'Ada permintaan untuk mengatur ulang kata sandi akun Anda di layanan daring {{tenant}}. ' +
        'Buka tautan berikut untuk membuat kata sandi baru. Tautan ini hanya dapat dipakai sekali dan berlaku {{minutes}} menit:\n\n' +
        '{{link}}\n\n' +
        'Jika Anda tidak memintanya, abaikan pesan ini: kata sandi Anda tidak berubah.\n\n' +
        'Salam,\n{{tenant}}\n',
      sms: '{{tenant}}: atur ulang kata sandi Anda di {{link}} (sekali pakai, berlaku {{minutes}} menit). Abaikan jika Anda tidak memintanya.',
    },
    invite: {
      subject: 'Akun administrator {{tenant}} Anda',
      body:
        'Halo {{name}},\n\n' +
        'Akun administrator Anda untuk layanan daring {{tenant}} sudah dibuat. ' +
        'Buka tautan berikut untuk membuat kata sandi Anda. Tautan ini hanya dapat dipakai sekali dan berlaku {{hours}} jam:\n\n' +
        '{{link}}\n\n' +
        'Jika Anda tidak mengharapkan pesan ini, abaikan saja.\n\n' +
        'Salam,\n{{tenant}}\n',
      sms: '{{tenant}}: akun administrator Anda sudah dibuat. Buat kata sandi di {{link}} (sekali pakai, berlaku {{hours}} jam).',
    },
    passwordChanged: {
      subject: 'Kata sandi akun {{tenant}} Anda telah diganti',
      body:
        'Halo {{name}},\n\n' +
        'Kata sandi akun Anda di layanan daring {{tenant}} baru saja diganti, dan sesi masuk lainnya telah diakhiri.\n\n' +
        'Jika bukan Anda yang menggantinya, segera atur ulang kata sandi melalui halaman "Lupa kata sandi" dan hubungi kami.\n\n' +
        'Salam,\n{{tenant}}\n',
      sms: '{{tenant}}: kata sandi akun Anda baru saja diganti. Jika bukan Anda, segera atur ulang kata sandi.',
    },
  },
};

export type Messages = typeof id;

export const en: Messages = {
  error: {
    validation: 'Invalid input',
    bad_request: 'Request cannot be processed',
    unauthenticated: 'Sign-in required',
    csrf: 'Invalid form token',
    forbidden: 'Access denied',
    not_found: 'Not found',
    conflict: 'Conflict',
    invalid_transition: 'Status change not allowed',
    payload_too_large: 'Payload too large',
    uri_too_long: 'Address too long',
    unsupported_media_type: 'Unsupported media type',
    rate_limited: 'Too many requests',
    locked: 'Account temporarily locked',
    internal: 'Server error',
    unavailable: 'Service unavailable',
  },
  detail: {
    validation: 'Check the fields marked.',
    bad_request: 'The request cannot be processed: {{reason}}',
    unauthenticated: 'Please sign in first.',
    bad_credentials: 'Wrong email/phone number or password.',
    csrf: 'Reload the page and submit the form again.',
    forbidden: 'You do not have permission for this action.',
    not_found: '{{entity}} not found.',
    conflict: 'The data conflicts with existing data.',
    agency_cycle: 'An agency cannot be moved under its own units.',
    last_admin: 'The last tenant administrator cannot lose the role.',
    invalid_transition: 'The {{entity}} status cannot change from "{{from}}" to "{{to}}".',
    payload_too_large: 'The data exceeds the size limit.',
    uri_too_long: 'A part of the address is longer than {{limit}} characters.',
    bad_url: 'The address holds an invalid percent-escape (%).',
    unsupported_media_type: 'This content type is not supported.',
    rate_limited: 'Try again in {{retryAfter}} seconds.',
    locked: 'Too many failed sign-in attempts. Try again in {{minutes}} minutes.',
    internal: 'The error was logged with request id {{requestId}}.',
    unavailable: 'Try again in a moment.',
  },
  field: {
    required: 'Required.',
    type: 'Enter $t(valueType.{{type}}, {"defaultValue": "{{type}}"}).',
    minLength: 'At least {{limit}} characters.',
    maxLength: 'At most {{limit}} characters.',
    pattern: 'Wrong format.',
    format: 'Wrong format: enter $t(valueFormat.{{format}}, {"defaultValue": "{{format}}"}).',
    enum: 'Choose one of: {{allowed}}.',
    const: 'Must be {{allowed}}.',
    minimum: 'At least {{limit}}.',
    maximum: 'At most {{limit}}.',
    minItems: 'At least {{limit}} items.',
    maxItems: 'At most {{limit}} items.',
    additionalProperties: 'Unknown field.',
    invalid: 'Invalid value.',
    nul: 'Must not contain the NUL character (U+0000).',
    taken: 'Already in use.',
    host_taken: 'Another site or region serves this host name already.',
    host_not_yours: "The host name must be under this region's domains: {{domains}}.",
    unknown: 'Unknown.',
    region_code: 'Not a valid Kemendagri region code for this kind of region.',
    nik: 'Invalid NIK ({{reason}}).',
    nip: 'Invalid NIP ({{reason}}).',
    phone: 'Not a valid Indonesian mobile number.',
    email: 'Not a valid email address.',
    password_weak: 'The password needs at least 10 characters.',
    password_wrong: 'The current password is wrong.',
    reset_token:
      'This password reset link does not work: it was used already, it has expired, or it is incomplete. Ask for a new link.',
    date: 'Invalid date (format YYYY-MM-DD).',
    agreement_missing: 'The required agreement ({{kind}}) has not been recorded.',
    channel: 'This app is not offered on the {{channel}} channel.',
    area_type: 'The area must be a GeoJSON Polygon or MultiPolygon geometry.',
    area_shape:
      'The coordinates at {{at}} are not nested as GeoJSON requires: a Polygon is a list of rings, a MultiPolygon a list of Polygons, a ring a list of positions.',
    area_position:
      'Position {{at}} must be [longitude, latitude] as numbers, longitude between -180 and 180, latitude between -90 and 90.',
    area_ring_short: 'Ring {{at}} needs at least 4 positions.',
    area_ring_open: 'Ring {{at}} is not closed: its last position must equal its first.',
    area_ring_empty: 'Ring {{at}} encloses no area (its positions lie on one line).',
    area_too_large: 'An area has at most {{limit}} positions in all; simplify its outline.',
    area_points:
      'This file holds points or lines, not the area’s boundary. Upload the boundary as a Polygon or MultiPolygon.',
    logo_svg: 'An SVG logo is not accepted. Upload the logo as a PNG (it can be exported from the SVG).',
    logo_type: 'The logo must be a PNG, JPEG or WebP image.',
    logo_size: 'The logo can be at most {{limit}}.',
  },
  valueType: {
    number: 'a number, for example 12 or -6.17',
    integer: 'a whole number, for example 12',
    string: 'text',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of fields',
    null: 'nothing',
  },
  valueFormat: {
    email: 'an email address, for example name@example.id',
    date: 'a date as YYYY-MM-DD, for example 2026-12-07',
    'date-time': 'a date and time, for example 2026-12-07T09:30:00+07:00',
    uuid: 'an identifier (UUID), for example 0193a0c2-7f3e-7c1a-9b1d-2f4e5a6b7c8d',
    uri: 'a web address, for example https://example.id',
  },
  entity: {
    tenant: 'Region',
    app: 'App',
    agency: 'Agency',
    user: 'User',
    adoption: 'App adoption',
    agreement: 'Agreement',
    token: 'API token',
    route: 'Address',
    holiday: 'Holiday',
    logo: 'Logo',
  },
  notify: {
    welcome: {
      subject: 'Welcome to {{tenant}} online services',
      body:
        'Hello {{name}},\n\n' +
        'Your account for the {{tenant}} online services has been created. You can sign in with this email address.\n\n' +
        'If you did not sign up, you can ignore this message.\n\n' +
        'Regards,\n{{tenant}}\n',
    },
    passwordReset: {
      subject: 'Reset your {{tenant}} password',
      body:
        'Hello {{name}},\n\n' +
        'Someone asked to reset the password of your account for the {{tenant}} online services. ' +
        'Open this link to choose a new password. It works once and for {{minutes}} minutes:\n\n' +
        '{{link}}\n\n' +
        'If you did not ask for this, ignore this message: your password has not changed.\n\n' +
        'Regards,\n{{tenant}}\n',
      sms: '{{tenant}}: reset your password at {{link}} (works once, for {{minutes}} minutes). Ignore this if you did not ask.',
    },
    invite: {
      subject: 'Your {{tenant}} administrator account',
      body:
        'Hello {{name}},\n\n' +
        'Your administrator account for the {{tenant}} online services has been created. ' +
        'Open this link to choose your password. It works once and for {{hours}} hours:\n\n' +
        '{{link}}\n\n' +
        'If you did not expect this message, you can ignore it.\n\n' +
        'Regards,\n{{tenant}}\n',
      sms: '{{tenant}}: your administrator account is ready. Choose a password at {{link}} (works once, for {{hours}} hours).',
    },
    passwordChanged: {
      subject: 'Your {{tenant}} password was changed',
      body:
        'Hello {{name}},\n\n' +
        'The password of your account for the {{tenant}} online services has just been changed, and your other sign-ins have been ended.\n\n' +
        'If you did not change it, reset your password at once from the "Forgot password" page and contact us.\n\n' +
        'Regards,\n{{tenant}}\n',
      sms: '{{tenant}}: your account password has just been changed. If it was not you, reset your password at once.',
    },
  },
};
