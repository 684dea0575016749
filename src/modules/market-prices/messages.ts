/** The market prices app's messages: its own (`market-prices.*`) and what it adds to the platform's error groups. */

export const messages = {
  id: {
    city: 'rata-rata kota',
    mail: {
      alertSubject: '{{tenant}}: {{count}} kenaikan harga bahan pokok pada {{day}}',
      alertIntro:
        'Harga bahan pokok yang diterbitkan {{tenant}} pada {{day}} naik melebihi ambang dibanding sepekan sebelumnya:',
      alertLine:
        '- {{commodity}} ({{place}}): {{previous}} ({{previousDay}}) → {{current}}, naik {{percent}}%',
      summarySubject: 'Ringkasan harga bahan pokok {{tenant}}, {{day}}',
      summaryIntro:
        'Harga rata-rata {{tenant}} pada {{day}} dari {{markets}} pasar (dibanding kemarin / sepekan lalu):',
      summaryLine: '- {{commodity}}: {{price}}/{{unit}} ({{yesterday}} / {{week}}), termurah di {{cheapest}}',
      summaryAlerts: 'Peringatan kenaikan harga hari ini: {{count}}.',
    },
  },
  en: {
    city: 'city average',
    mail: {
      alertSubject: '{{tenant}}: {{count}} staple-food price rises on {{day}}',
      alertIntro:
        'Staple-food prices published by {{tenant}} on {{day}} rose beyond the threshold against a week before:',
      alertLine: '- {{commodity}} ({{place}}): {{previous}} ({{previousDay}}) → {{current}}, up {{percent}}%',
      summarySubject: '{{tenant}} staple-food prices, {{day}}',
      summaryIntro:
        'Average prices in {{tenant}} on {{day}} from {{markets}} markets (against yesterday / last week):',
      summaryLine: '- {{commodity}}: {{price}}/{{unit}} ({{yesterday}} / {{week}}), cheapest at {{cheapest}}',
      summaryAlerts: 'Price-rise alerts today: {{count}}.',
    },
  },
};

export const sharedMessages = {
  id: {
    detail: {
      day_published:
        'Harga tanggal {{day}} sudah diterbitkan. Perubahan hanya melalui koreksi oleh penyelia dengan alasan (POST …/market-prices/corrections/{{market}}/{{day}}).',
      not_published: 'Harga tanggal {{day}} belum diterbitkan: ubah melalui isian harian, bukan koreksi.',
      nothing_to_verify: 'Tidak ada harga tanggal {{day}} yang menunggu verifikasi.',
      nothing_to_publish: 'Belum ada harga terverifikasi untuk tanggal {{day}}.',
      drafts_pending:
        '{{count}} harga tanggal {{day}} belum diverifikasi: verifikasi atau hapus dahulu sebelum menerbitkan.',
      not_your_market: 'Anda hanya dapat mengisi harga untuk pasar tempat Anda ditugaskan.',
    },
    field: {
      unknown_commodity: 'Komoditas tidak dikenal.',
      unknown_market: 'Pasar tidak dikenal.',
      unknown_agency: 'Perangkat daerah tidak dikenal.',
      inactive_market: 'Pasar ini tidak aktif.',
      duplicate: 'Komoditas ini sudah ada di isian yang sama.',
      duplicate_line: 'Komoditas ini sudah ada di baris {{first}}.',
      price_integer: 'Harga harus bilangan bulat rupiah.',
      price_positive: 'Harga harus lebih dari nol.',
      price_number: 'Harga "{{value}}" bukan angka rupiah (contoh: 12500 atau 12.500).',
      price_range:
        'Harga di luar rentang wajar {{commodity}}: {{min}}–{{max}} rupiah per {{unit}}. Periksa jumlah angka nol.',
      price_order: 'Harga tertinggi wajar harus lebih besar dari harga terendah wajar.',
      future_day: 'Tanggal ini belum tiba.',
      date_order: 'Tanggal awal harus sebelum tanggal akhir.',
      range_too_long: 'Rentang paling panjang {{limit}} hari per permintaan.',
      not_officer: 'Bukan akun staf dengan izin mengisi harga.',
      csv_header: 'Baris judul harus memuat kolom commodity dan price1.',
      csv_column: 'Kolom tidak dikenal (gunakan commodity, price1 … price5).',
      csv_syntax: 'Berkas CSV rusak ({{reason}}).',
      no_rows: 'Berkas tidak berisi harga.',
      extra_cell: 'Baris ini memiliki lebih banyak kolom daripada baris judul.',
    },
    entity: { market: 'Pasar', commodity: 'Komoditas' },
  },
  en: {
    detail: {
      day_published:
        'The prices of {{day}} are published. Only a supervisor’s correction with a reason can change them (POST …/market-prices/corrections/{{market}}/{{day}}).',
      not_published:
        'The prices of {{day}} are not published: change them through the daily entry, not a correction.',
      nothing_to_verify: 'No prices of {{day}} are waiting for verification.',
      nothing_to_publish: 'There are no verified prices for {{day}} yet.',
      drafts_pending:
        '{{count}} prices of {{day}} are not verified: verify or remove them before publishing.',
      not_your_market: 'You may enter prices only for the market you are assigned to.',
    },
    field: {
      unknown_commodity: 'Unknown commodity.',
      unknown_market: 'Unknown market.',
      unknown_agency: 'Unknown agency.',
      inactive_market: 'This market is not active.',
      duplicate: 'This commodity is already in the same entry.',
      duplicate_line: 'This commodity is already on line {{first}}.',
      price_integer: 'A price is a whole number of rupiah.',
      price_positive: 'A price must be more than zero.',
      price_number: 'The price "{{value}}" is not a number of rupiah (e.g. 12500 or 12.500).',
      price_range:
        'Outside the plausible range for {{commodity}}: {{min}}–{{max}} rupiah per {{unit}}. Check the zeros.',
      price_order: 'The highest plausible price must be above the lowest.',
      future_day: 'This day has not come yet.',
      date_order: 'The start date must come before the end date.',
      range_too_long: 'At most {{limit}} days per request.',
      not_officer: 'Not a staff account allowed to enter prices.',
      csv_header: 'The header line must have the columns commodity and price1.',
      csv_column: 'Unknown column (use commodity, price1 … price5).',
      csv_syntax: 'The CSV file is broken ({{reason}}).',
      no_rows: 'The file holds no prices.',
      extra_cell: 'This line has more cells than the header line.',
    },
    entity: { market: 'Market', commodity: 'Commodity' },
  },
};
