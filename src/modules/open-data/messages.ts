/** The app's words on the server and the portal (`open-data.<key>`), Bahasa Indonesia first. */
export const messages = {
  id: {
    portal: {
      title: 'Satu Data',
      intro: 'Katalog data terbuka {{tenant}}.',
    },
    setup: {
      custodian: 'Tetapkan walidata (pemeriksa data) daerah',
      theme: 'Buat tema pertama katalog data',
    },
  },
  en: {
    portal: {
      title: 'Satu Data',
      intro: 'The open data catalogue of {{tenant}}.',
    },
    setup: {
      custodian: "Appoint the region's data custodian (walidata)",
      theme: "Create the catalogue's first theme",
    },
  },
};

/** Words every problem document may use (merged into the platform's `detail`, `field`, `entity`). */
export const sharedMessages = {
  id: {
    detail: {
      open_data_not_your_agency: 'Anda hanya dapat menulis dataset perangkat daerah tempat Anda bertugas.',
      open_data_fed_dataset:
        'Dataset ini diisi otomatis oleh umpan {{feed}}; datanya tidak diubah dengan tangan.',
      open_data_in_review: 'Dataset sedang diperiksa walidata; tunggu keputusannya sebelum mengubahnya.',
      open_data_wrong_state:
        'Langkah ini tidak dapat dilakukan pada dataset berstatus {{state}} (hanya: {{allowed}}).',
      open_data_no_resources:
        'Tambahkan setidaknya satu sumber data (berkas atau tautan) sebelum mengajukan dataset.',
      open_data_link_has_no_versions: 'Sumber berupa tautan tidak memiliki versi; ubah tautannya saja.',
      open_data_no_datastore: 'Sumber ini bukan data tabel, sehingga tidak memiliki kamus data.',
    },
    field: {
      open_data_end_before_start: 'Akhir cakupan waktu tidak boleh sebelum awalnya.',
      open_data_bad_bbox: 'Batas wilayah harus [barat, selatan, timur, utara] dalam derajat.',
      open_data_sub_affair: 'Kode sub-urusan harus diawali kode urusannya.',
      open_data_unknown_theme: 'Tema {{theme}} tidak ada di daerah ini.',
      open_data_fed_name: 'Nama dataset yang diisi umpan tidak dapat diubah.',
      open_data_classification_review:
        'Klasifikasi dataset yang sudah terbit hanya dapat diubah oleh walidata: siapa yang boleh melihat datanya ikut berubah.',
      data_empty: 'Berkas kosong.',
      data_too_large: 'Ukuran berkas maksimal {{limit}} MB.',
      data_unknown_format: 'Berkas harus berupa CSV (UTF-8), XLSX, JSON atau GeoJSON.',
      data_csv_unreadable: 'CSV tidak dapat dibaca di sekitar baris {{line}} (tanda kutip tidak tertutup?).',
      data_xlsx_unreadable: 'Berkas Excel tidak dapat dibaca; simpan ulang sebagai .xlsx.',
      data_xlsx_too_large:
        'Isi berkas Excel lebih dari {{max}} MB setelah dibuka; bagi datanya atau unggah sebagai CSV.',
      data_json_unreadable: 'JSON tidak dapat dibaca: periksa tanda kurung dan koma.',
      data_no_rows: 'Berkas tidak berisi baris data di bawah baris judul kolom.',
      data_ragged:
        'Baris data {{row}} (baris {{line}} berkas) berisi {{found}} kolom, seharusnya {{expected}}.',
      data_too_many_rows: 'Berkas berisi lebih dari {{limit}} baris.',
      data_too_many_columns: 'Berkas berisi lebih dari {{limit}} kolom.',
      data_cell_too_long: 'Baris data {{row}}, kolom {{column}}: isian lebih dari {{limit}} karakter.',
      data_bad_int: 'Baris data {{row}}, kolom {{column}}: "{{value}}" bukan bilangan bulat.',
      data_bad_numeric:
        'Baris data {{row}}, kolom {{column}}: "{{value}}" bukan angka (pakai titik sebagai desimal).',
      data_bad_date: 'Baris data {{row}}, kolom {{column}}: "{{value}}" bukan tanggal yang sah (TTTT-BB-HH).',
      data_bad_timestamp:
        'Baris data {{row}}, kolom {{column}}: "{{value}}" bukan waktu yang sah (ISO 8601).',
      data_bad_text: 'Baris data {{row}}, kolom {{column}}: isian tidak dapat dibaca.',
      data_unknown_column: 'Kolom {{column}} tidak ada pada data ini.',
      data_types:
        'Jenis kolom harus objek JSON, mis. {"tanggal":"date"}; jenis: text, int, numeric, date, timestamp.',
      data_filter_pair: 'Saringan ditulis kolom:nilai.',
      data_filter_int: 'Saringan kolom {{column}} harus bilangan bulat.',
      data_filter_numeric: 'Saringan kolom {{column}} harus angka.',
      data_filter_date: 'Saringan kolom {{column}} harus tanggal TTTT-BB-HH.',
      data_filter_timestamp: 'Saringan kolom {{column}} harus waktu ISO 8601.',
      data_filter_text: 'Saringan kolom {{column}} tidak sah.',
      data_sort: 'Urutan ditulis kolom atau kolom desc, dipisah koma.',
    },
    entity: {
      'open-data': {
        dataset: 'Dataset',
        resource: 'Sumber data',
        version: 'Versi',
        datastore: 'Data tabel',
        theme: 'Tema',
      },
    },
  },
  en: {
    detail: {
      open_data_not_your_agency: 'You may only write datasets of the agencies you work for.',
      open_data_fed_dataset: 'This dataset is filled by the feed {{feed}}; its data is not changed by hand.',
      open_data_in_review:
        'The data custodian is checking this dataset; wait for their decision before changing it.',
      open_data_wrong_state: 'This step cannot be taken on a dataset that is {{state}} (only: {{allowed}}).',
      open_data_no_resources: 'Add at least one resource (a file or a link) before submitting the dataset.',
      open_data_link_has_no_versions: 'A link resource has no versions; change its link instead.',
      open_data_no_datastore: 'This resource is not tabular data, so it has no data dictionary.',
    },
    field: {
      open_data_end_before_start: 'The end of the time covered cannot be before its start.',
      open_data_bad_bbox: 'The area must be [west, south, east, north] in degrees.',
      open_data_sub_affair: "The sub-affair code must start with its affair's code.",
      open_data_unknown_theme: 'There is no theme {{theme}} in this region.',
      open_data_fed_name: "A fed dataset's name cannot change.",
      open_data_classification_review:
        "Only the data custodian may change a published dataset's classification: it changes who may see its data.",
      data_empty: 'The file is empty.',
      data_too_large: 'Files are limited to {{limit}} MB.',
      data_unknown_format: 'The file must be CSV (UTF-8), XLSX, JSON or GeoJSON.',
      data_csv_unreadable: 'The CSV cannot be read around line {{line}} (an unclosed quote?).',
      data_xlsx_unreadable: 'The Excel file cannot be read; save it again as .xlsx.',
      data_xlsx_too_large:
        "The Excel file's contents exceed {{max}} MB once opened; split the data or upload it as CSV.",
      data_json_unreadable: 'The JSON cannot be read: check its brackets and commas.',
      data_no_rows: 'The file has no data rows under its header row.',
      data_ragged: 'Data row {{row}} (line {{line}} of the file) has {{found}} columns, not {{expected}}.',
      data_too_many_rows: 'The file has more than {{limit}} rows.',
      data_too_many_columns: 'The file has more than {{limit}} columns.',
      data_cell_too_long: 'Data row {{row}}, column {{column}}: the value is over {{limit}} characters.',
      data_bad_int: 'Data row {{row}}, column {{column}}: "{{value}}" is not a whole number.',
      data_bad_numeric:
        'Data row {{row}}, column {{column}}: "{{value}}" is not a number (use a dot for decimals).',
      data_bad_date: 'Data row {{row}}, column {{column}}: "{{value}}" is not a valid date (YYYY-MM-DD).',
      data_bad_timestamp: 'Data row {{row}}, column {{column}}: "{{value}}" is not a valid time (ISO 8601).',
      data_bad_text: 'Data row {{row}}, column {{column}}: the value cannot be read.',
      data_unknown_column: 'There is no column {{column}} in this data.',
      data_types:
        'Column types must be a JSON object, e.g. {"date":"date"}; types: text, int, numeric, date, timestamp.',
      data_filter_pair: 'A filter is written column:value.',
      data_filter_int: 'The filter on {{column}} must be a whole number.',
      data_filter_numeric: 'The filter on {{column}} must be a number.',
      data_filter_date: 'The filter on {{column}} must be a date YYYY-MM-DD.',
      data_filter_timestamp: 'The filter on {{column}} must be an ISO 8601 time.',
      data_filter_text: 'The filter on {{column}} is not valid.',
      data_sort: 'A sort is written column or column desc, comma-separated.',
    },
    entity: {
      'open-data': {
        dataset: 'Dataset',
        resource: 'Resource',
        version: 'Version',
        datastore: 'Tabular data',
        theme: 'Theme',
      },
    },
  },
};
