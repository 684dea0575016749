/**
 * The words of the onboarding screens (regions, the area, the logo, taking an app live), Bahasa
 * Indonesia first; merged under `admin.` with the other administrators' words.
 */

const id = {
  tenants: {
    nav: 'Daerah',
    intro:
      'Khusus admin platform: daftarkan daerah baru dan admin pertamanya. Admin itu lalu mengatur perjanjian, wilayah, logo dan aplikasi daerahnya sendiri.',
    list: 'Daerah terdaftar',
    create: 'Daftarkan daerah',
    created: 'Daerah {{name}} terdaftar. Sekarang buat admin pertamanya.',
    name: 'Nama daerah',
    nameHint: 'Nama resmi, mis. Kota Bogor.',
    kind: 'Jenis',
    kinds: { kota: 'Kota', kabupaten: 'Kabupaten', provinsi: 'Provinsi' },
    code: 'Kode Kemendagri',
    codeHint: 'Provinsi PP, kota atau kabupaten PP.KK, mis. 32.71.',
    slug: 'Alamat di Balai',
    slugHint: 'Huruf kecil, angka dan tanda hubung; menjadi /t/alamat. Diisi dari nama.',
    timeZone: 'Zona waktu',
    zones: {
      Jakarta: 'WIB (Asia/Jakarta)',
      Makassar: 'WITA (Asia/Makassar)',
      Jayapura: 'WIT (Asia/Jayapura)',
    },
    domain: 'Domain sendiri',
    domainHint: 'Mis. layanan.kotabogor.go.id. Bisa ditambah nanti.',
    admin: 'Admin pertama daerah',
    adminIntro:
      'Admin menerima tautan sekali pakai untuk membuat kata sandinya sendiri (berlaku 72 jam). Tidak ada yang mengetahui kata sandinya, termasuk Anda.',
    region: 'Daerah',
    chooseRegion: 'Pilih daerah',
    regionRequired: 'Pilih daerah untuk admin ini.',
    adminName: 'Nama lengkap',
    adminEmail: 'Email',
    adminNip: 'NIP',
    nipHint: '18 angka, tanpa spasi.',
    makeAdmin: 'Buat admin',
    adminMade: 'Admin {{name}} dibuat.',
    linkSent: 'Tautan untuk membuat kata sandi sudah dikirim ke {{email}}.',
    link: 'Tautan membuat kata sandi',
    linkHint: 'Hanya ditampilkan sekali ini. Berikan langsung kepada admin bila email tidak sampai.',
  },
  area: {
    nav: 'Wilayah',
    intro:
      'Batas wilayah daerah. Titik laporan di luar batas ditolak dan warga diberi tahu daerah yang tepat.',
    none: 'Daerah ini belum punya batas wilayah: titik laporan di mana pun diterima dan tidak diperiksa. Unggah atau gambar batasnya.',
    set: 'Batas wilayah tercatat (kotak batas {{bbox}}). Titik laporan di luar batas ditolak.',
    file: 'Unggah berkas GeoJSON',
    fileHint:
      'Polygon atau MultiPolygon dalam derajat WGS84, atau FeatureCollection yang disimpan QGIS atau geojson.io. Paling besar 5 MB.',
    tooBig: 'Berkas lebih dari 5 MB. Sederhanakan garis batasnya (mis. di mapshaper.org) lalu unggah lagi.',
    shapefile:
      'Ini shapefile, bukan GeoJSON. Ubah dulu ke GeoJSON (QGIS: Ekspor › Simpan Fitur Sebagai › GeoJSON, atau mapshaper.org) lalu unggah lagi.',
    zip: 'Ini berkas ZIP (mungkin shapefile). Ubah dulu ke GeoJSON (QGIS atau mapshaper.org) lalu unggah lagi.',
    notJson: 'Berkas ini bukan GeoJSON (bukan teks JSON). Unggah berkas .geojson.',
    draw: 'Atau gambar di peta',
    drawHint:
      'Perbesar peta ke daerah Anda, lalu klik setiap sudut batas secara berurutan. Pilih "Simpan gambar" bila sudah.',
    mapLabel: 'Peta untuk menggambar batas wilayah',
    vertices_one: '{{count}} sudut digambar.',
    vertices_other: '{{count}} sudut digambar.',
    tooFew: 'Gambar paling sedikit 3 sudut.',
    finish: 'Simpan gambar',
    restart: 'Ulangi gambar',
    remove: 'Hapus batas wilayah',
    saved: 'Batas wilayah disimpan.',
    removed: 'Batas wilayah dihapus: titik laporan tidak lagi diperiksa.',
  },
  logo: {
    title: 'Logo',
    current: 'Logo saat ini',
    file: 'Unggah logo',
    hint: 'PNG, JPEG atau WebP, paling besar 2 MB. Logo SVG: ekspor dulu sebagai PNG.',
    tooBig: 'Ukuran logo maksimal 2 MB.',
    saved: 'Logo disimpan. Logo baru tampil di portal dan konsol.',
  },
  goLive: {
    title: 'Jalankan aplikasi',
    intro:
      'Ajukan dan jalankan aplikasi dalam satu langkah: setiap tahap (usulan, MoU, PKS, persiapan, berjalan) dicatat di jejak audit.',
    chooseApp: 'Pilih aplikasi.',
    submit: 'Jalankan',
    done: '{{app}} sekarang berjalan.',
  },
};

export type OnboardingMessages = typeof id;

const en: OnboardingMessages = {
  tenants: {
    nav: 'Regions',
    intro:
      'Platform administrators only: register a new region and its first administrator, who then records the agreements, area, logo and apps of the region.',
    list: 'Registered regions',
    create: 'Register a region',
    created: '{{name}} is registered. Now make its first administrator.',
    name: 'Region name',
    nameHint: 'The official name, e.g. Kota Bogor.',
    kind: 'Kind',
    kinds: { kota: 'City (kota)', kabupaten: 'Regency (kabupaten)', provinsi: 'Province' },
    code: 'Kemendagri code',
    codeHint: 'A province PP, a city or regency PP.KK, e.g. 32.71.',
    slug: 'Address on Balai',
    slugHint: 'Lower-case letters, digits and hyphens; it becomes /t/address. Filled from the name.',
    timeZone: 'Time zone',
    zones: {
      Jakarta: 'WIB (Asia/Jakarta)',
      Makassar: 'WITA (Asia/Makassar)',
      Jayapura: 'WIT (Asia/Jayapura)',
    },
    domain: 'Own domain',
    domainHint: 'E.g. layanan.kotabogor.go.id. It can be added later.',
    admin: 'The region’s first administrator',
    adminIntro:
      'The administrator gets a single-use link to choose their own password (it works for 72 hours). Nobody knows the password, you included.',
    region: 'Region',
    chooseRegion: 'Choose a region',
    regionRequired: 'Choose the region of this administrator.',
    adminName: 'Full name',
    adminEmail: 'Email',
    adminNip: 'NIP',
    nipHint: '18 digits, no spaces.',
    makeAdmin: 'Make administrator',
    adminMade: 'Administrator {{name}} made.',
    linkSent: 'The link to choose a password was sent to {{email}}.',
    link: 'Link to choose a password',
    linkHint: 'Shown this once only. Hand it to the administrator if the email does not arrive.',
  },
  area: {
    nav: 'Area',
    intro:
      'The region’s boundary. A report pin outside it is refused, and the citizen told which region to turn to.',
    none: 'This region has no boundary yet: report pins anywhere are accepted and not checked. Upload or draw its boundary.',
    set: 'The boundary is recorded (bounding box {{bbox}}). Report pins outside it are refused.',
    file: 'Upload a GeoJSON file',
    fileHint:
      'A Polygon or MultiPolygon in WGS84 degrees, or a FeatureCollection as QGIS or geojson.io save it. At most 5 MB.',
    tooBig: 'The file is over 5 MB. Simplify the boundary (e.g. on mapshaper.org) and upload it again.',
    shapefile:
      'This is a shapefile, not GeoJSON. Convert it to GeoJSON first (QGIS: Export › Save Features As › GeoJSON, or mapshaper.org), then upload it again.',
    zip: 'This is a ZIP file (perhaps a shapefile). Convert it to GeoJSON first (QGIS or mapshaper.org), then upload it again.',
    notJson: 'This file is not GeoJSON (not JSON text). Upload a .geojson file.',
    draw: 'Or draw it on the map',
    drawHint:
      'Zoom the map to your region, then click each corner of the boundary in turn. Choose "Save drawing" when done.',
    mapLabel: 'Map to draw the boundary on',
    vertices_one: '{{count}} corner drawn.',
    vertices_other: '{{count}} corners drawn.',
    tooFew: 'Draw at least 3 corners.',
    finish: 'Save drawing',
    restart: 'Start the drawing again',
    remove: 'Remove the boundary',
    saved: 'The boundary is saved.',
    removed: 'The boundary is removed: report pins are no longer checked.',
  },
  logo: {
    title: 'Logo',
    current: 'Current logo',
    file: 'Upload a logo',
    hint: 'PNG, JPEG or WebP, at most 2 MB. An SVG logo: export it as PNG first.',
    tooBig: 'The logo can be at most 2 MB.',
    saved: 'Logo saved. The new logo shows on the portal and the console.',
  },
  goLive: {
    title: 'Take an app live',
    intro:
      'Propose and take an app live in one step: each stage (proposal, MoU, PKS, onboarding, live) is recorded in the audit trail.',
    chooseApp: 'Choose an app.',
    submit: 'Take live',
    done: '{{app}} is now live.',
  },
};

export const onboardingMessages = { id, en };
