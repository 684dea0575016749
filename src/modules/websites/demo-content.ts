/**
 * What the demo sites say: the tenant's own site and one agency's, written as a regional
 * government's site reads (news of services, announcements, the agenda, regulations to download,
 * a gallery, a profile in pages, the PPID's information by class). Dates are days before the seed
 * (negative: after it), so the demo always looks current.
 */
import type { PpidClass } from './tables.ts';

export type DemoTerm = { key: string; kind: 'category' | 'tag'; name: string };
export type DemoImage = { key: string; alt: string; caption: string; hue: number };
export type DemoPost = {
  key: string;
  kind: 'page' | 'news' | 'announcement' | 'agenda' | 'document' | 'gallery';
  title: string;
  summary?: string;
  body: string;
  parent?: string;
  menuOrder?: number;
  daysAgo: number;
  terms?: string[];
  image?: string;
  ppid?: PpidClass;
  /** Agenda: starts in this many days at this hour (local), lasting `hours`, at `location`. */
  agenda?: { inDays: number; hour: number; hours: number; location: string };
  /** Document: its number, type and the PDF's words. */
  document?: { number: string; type: string; text: string };
  /** Gallery: its images, by key, with a caption each. */
  gallery?: string[];
  /** Left a draft (not published): what an editor finds waiting. */
  draft?: boolean;
};
export type DemoMenu = { label: string; post?: string; href?: string; children?: DemoMenu[] };
export type DemoSite = {
  tagline: string;
  footer: { address: string; phone: string; email: string; hours: string };
  terms: DemoTerm[];
  images: DemoImage[];
  posts: DemoPost[];
  menu: DemoMenu[];
};

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('');

/** The tenant's own site: the regional government's news, announcements, agenda and regulations. */
export function mainSite(tenant: { name: string; head: string; domain: string }): DemoSite {
  const year = new Date().getFullYear();
  return {
    tagline: `Situs resmi Pemerintah ${tenant.name}`,
    footer: {
      address: `Kantor ${tenant.head}, Jl. Satria-Sudirman No. 1, ${tenant.name}`,
      phone: '(021) 5585 0000',
      email: `humas@${tenant.domain}`,
      hours: 'Senin–Jumat 08.00–16.00',
    },
    terms: [
      { key: 'pemerintahan', kind: 'category', name: 'Pemerintahan' },
      { key: 'pelayanan', kind: 'category', name: 'Pelayanan Publik' },
      { key: 'pembangunan', kind: 'category', name: 'Pembangunan' },
      { key: 'sosial', kind: 'category', name: 'Sosial' },
      { key: 'musrenbang', kind: 'tag', name: 'Musrenbang' },
      { key: 'ombudsman', kind: 'tag', name: 'Ombudsman' },
      { key: 'bansos', kind: 'tag', name: 'Bantuan Sosial' },
      { key: 'adminduk', kind: 'tag', name: 'Administrasi Kependudukan' },
    ],
    images: [
      {
        key: 'ombudsman',
        alt: `${tenant.head} menerima plakat penilaian kepatuhan dari Ombudsman`,
        caption: 'Penyerahan hasil penilaian kepatuhan pelayanan publik',
        hue: 210,
      },
      {
        key: 'musrenbang',
        alt: 'Peserta Musrenbang duduk berkelompok membahas usulan kecamatan',
        caption: 'Musrenbang tingkat daerah',
        hue: 30,
      },
      {
        key: 'bansos',
        alt: 'Petugas menyerahkan paket beras kepada warga di balai kelurahan',
        caption: 'Penyaluran bantuan pangan',
        hue: 120,
      },
      {
        key: 'keliling',
        alt: 'Mobil layanan kependudukan keliling terparkir di depan kantor kecamatan',
        caption: 'Layanan kependudukan keliling',
        hue: 270,
      },
    ],
    posts: [
      {
        key: 'profil',
        kind: 'page',
        title: 'Profil Daerah',
        menuOrder: 1,
        daysAgo: 400,
        body: p(
          `${tenant.name} adalah daerah otonom yang melayani warganya melalui perangkat daerah: sekretariat, dinas, badan, kecamatan dan kelurahan.`,
          'Halaman ini memuat sejarah, visi dan misi, serta lambang daerah.',
        ),
      },
      {
        key: 'visi-misi',
        kind: 'page',
        title: 'Visi dan Misi',
        parent: 'profil',
        menuOrder: 1,
        daysAgo: 400,
        ppid: 'berkala',
        body: `<h2>Visi</h2>${p('Terwujudnya daerah yang maju, berakhlak, sejahtera dan berwawasan lingkungan.')}<h2>Misi</h2><ol><li>Meningkatkan kualitas pelayanan publik yang cepat, mudah dan terjangkau.</li><li>Membangun infrastruktur yang merata dan berkelanjutan.</li><li>Memperkuat ekonomi kerakyatan dan lapangan kerja.</li><li>Mewujudkan tata kelola pemerintahan yang bersih dan terbuka.</li></ol>`,
      },
      {
        key: 'sejarah',
        kind: 'page',
        title: 'Sejarah',
        parent: 'profil',
        menuOrder: 2,
        daysAgo: 400,
        body: p(
          `${tenant.name} dibentuk dengan undang-undang pembentukan daerah dan sejak itu tumbuh menjadi pusat permukiman, perdagangan dan jasa di wilayahnya.`,
          'Hari jadi daerah diperingati setiap tahun dengan upacara dan rangkaian kegiatan warga.',
        ),
      },
      {
        key: 'kontak',
        kind: 'page',
        title: 'Kontak',
        menuOrder: 9,
        daysAgo: 400,
        body: p(
          `Kantor ${tenant.head}, Jl. Satria-Sudirman No. 1.`,
          `Surel: humas@${tenant.domain} · Telepon: (021) 5585 0000.`,
          'Pengaduan layanan disampaikan melalui LAKSA di portal ini, agar dapat ditindaklanjuti perangkat daerah yang berwenang dan dipantau perkembangannya.',
        ),
      },
      {
        key: 'ombudsman',
        kind: 'news',
        title: `${tenant.name} Raih Predikat Kepatuhan Tinggi Pelayanan Publik dari Ombudsman`,
        summary: 'Nilai penilaian kepatuhan standar pelayanan publik tahun ini 92,4, masuk zona hijau.',
        daysAgo: 2,
        terms: ['pelayanan', 'ombudsman'],
        image: 'ombudsman',
        body: p(
          `Ombudsman Republik Indonesia menyerahkan hasil penilaian kepatuhan standar pelayanan publik kepada Pemerintah ${tenant.name}. Dengan nilai 92,4, ${tenant.name} berada di zona hijau dengan predikat kepatuhan tinggi.`,
          `“Predikat ini milik seluruh petugas pelayanan di kelurahan, kecamatan dan dinas. Tugas kita menjaganya setiap hari,” kata ${tenant.head} usai menerima plakat.`,
          'Penilaian mencakup standar pelayanan yang dipublikasikan, sarana pengaduan, maklumat pelayanan, dan fasilitas bagi penyandang disabilitas di 24 unit layanan.',
        ),
      },
      {
        key: 'musrenbang',
        kind: 'news',
        title: `Musrenbang ${year + 1} Tetapkan 312 Usulan Prioritas`,
        summary: 'Perbaikan drainase, penerangan jalan dan posyandu mendominasi usulan dari kecamatan.',
        daysAgo: 6,
        terms: ['pembangunan', 'musrenbang'],
        image: 'musrenbang',
        body: p(
          `Musyawarah Perencanaan Pembangunan (Musrenbang) tingkat daerah untuk Rencana Kerja Pemerintah Daerah tahun ${year + 1} menetapkan 312 usulan prioritas dari 1.486 usulan kelurahan dan kecamatan.`,
          'Usulan terbanyak menyangkut perbaikan saluran drainase lingkungan (84), penerangan jalan umum (51) dan sarana posyandu (37). Usulan yang belum tertampung dicatat untuk dibahas kembali pada tahun berikutnya.',
          'Warga dapat memantau usulan kelurahannya melalui kantor kelurahan masing-masing.',
        ),
      },
      {
        key: 'bansos',
        kind: 'news',
        title: 'Bantuan Pangan Disalurkan kepada 18.450 Keluarga',
        summary:
          'Setiap keluarga penerima menerima 10 kg beras; penyaluran di balai kelurahan hingga akhir bulan.',
        daysAgo: 9,
        terms: ['sosial', 'bansos'],
        image: 'bansos',
        body: p(
          'Pemerintah daerah bersama Perum Bulog menyalurkan bantuan pangan berupa beras 10 kg kepada 18.450 keluarga penerima manfaat.',
          'Penyaluran dilakukan di balai kelurahan sesuai jadwal yang diumumkan lurah. Keluarga penerima membawa KTP elektronik dan Kartu Keluarga asli.',
          'Warga yang merasa berhak namun belum terdata dapat melapor ke kelurahan untuk diusulkan dalam pemutakhiran data berikutnya.',
        ),
      },
      {
        key: 'keliling',
        kind: 'news',
        title: 'Layanan Kependudukan Keliling Hadir di Setiap Kecamatan',
        summary:
          'KTP elektronik, Kartu Identitas Anak dan akta kelahiran dilayani langsung di kantor kecamatan.',
        daysAgo: 14,
        terms: ['pelayanan', 'adminduk'],
        image: 'keliling',
        body: p(
          'Dinas Kependudukan dan Pencatatan Sipil menghadirkan layanan keliling di setiap kecamatan secara bergiliran.',
          'Warga dapat merekam KTP elektronik, mengurus Kartu Identitas Anak, akta kelahiran dan pindah datang tanpa harus datang ke kantor dinas. Jadwal layanan diumumkan di situs ini dan di kantor kecamatan.',
        ),
      },
      {
        key: 'draf',
        kind: 'news',
        title: 'Rencana Penataan Trotoar Ramah Pejalan Kaki',
        summary: 'Draf menunggu tinjauan redaksi.',
        daysAgo: 1,
        terms: ['pembangunan'],
        draft: true,
        body: p(
          'Pemerintah daerah menyiapkan penataan trotoar di koridor utama agar aman bagi pejalan kaki, pengguna kursi roda dan penyandang tunanetra.',
        ),
      },
      {
        key: 'libur',
        kind: 'announcement',
        title: `Libur Nasional dan Cuti Bersama Akhir Tahun ${year}`,
        summary: 'Layanan tatap muka tutup pada hari libur; layanan daring tetap berjalan.',
        daysAgo: 3,
        terms: ['pemerintahan'],
        body: p(
          'Sesuai Surat Keputusan Bersama Menteri tentang Hari Libur Nasional dan Cuti Bersama, layanan tatap muka di kantor pemerintah daerah tutup pada hari libur nasional dan cuti bersama akhir tahun.',
          'Pengaduan melalui LAKSA tetap diterima; tenggat penanganannya dihitung dalam hari kerja, sehingga hari libur tidak mengurangi waktu petugas.',
        ),
      },
      {
        key: 'seleksi',
        kind: 'announcement',
        title: 'Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama',
        summary: 'Pendaftaran dibuka untuk tiga jabatan kepala dinas.',
        daysAgo: 11,
        terms: ['pemerintahan'],
        body: p(
          'Panitia seleksi membuka pendaftaran seleksi terbuka untuk tiga jabatan pimpinan tinggi pratama. Persyaratan, formasi dan jadwal seleksi tercantum dalam pengumuman resmi panitia.',
          'Pendaftaran dilakukan secara daring; berkas yang tidak lengkap tidak diproses.',
        ),
      },
      {
        key: 'hari-jadi',
        kind: 'agenda',
        title: `Upacara Peringatan Hari Jadi ${tenant.name}`,
        summary: 'Upacara di lapangan kantor pemerintah daerah, terbuka untuk warga.',
        daysAgo: 5,
        terms: ['pemerintahan'],
        agenda: { inDays: 12, hour: 7, hours: 2, location: 'Lapangan Kantor Pemerintah Daerah' },
        body: p(
          'Upacara peringatan hari jadi daerah dipimpin langsung oleh kepala daerah. Warga dipersilakan hadir; tempat duduk bagi lansia dan penyandang disabilitas disediakan di sisi timur lapangan.',
        ),
      },
      {
        key: 'konsultasi',
        kind: 'agenda',
        title: 'Konsultasi Publik Rancangan Peraturan Daerah tentang Bangunan Gedung',
        summary: 'Masukan warga atas rancangan peraturan daerah.',
        daysAgo: 4,
        terms: ['pemerintahan', 'pembangunan'],
        agenda: { inDays: 5, hour: 9, hours: 3, location: 'Aula Pusat Pemerintahan, Lantai 3' },
        body: p(
          'Konsultasi publik dibuka untuk warga, asosiasi profesi dan pelaku usaha. Rancangan peraturan daerah dapat diunduh di menu Dokumen sebelum acara.',
        ),
      },
      {
        key: 'apbd',
        kind: 'document',
        title: `Peraturan Daerah tentang APBD Tahun Anggaran ${year + 1}`,
        summary: 'Anggaran pendapatan dan belanja daerah yang ditetapkan bersama DPRD.',
        daysAgo: 8,
        terms: ['pemerintahan'],
        ppid: 'berkala',
        document: {
          number: `12 Tahun ${year}`,
          type: 'Peraturan Daerah',
          text: `Peraturan Daerah tentang Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran ${year + 1}`,
        },
        body: p(
          'Peraturan daerah ini memuat pendapatan, belanja dan pembiayaan daerah untuk satu tahun anggaran, beserta lampirannya per urusan dan perangkat daerah.',
        ),
      },
      {
        key: 'sop-pengaduan',
        kind: 'document',
        title: 'Standar Operasional Prosedur Pengelolaan Pengaduan',
        summary: 'Alur dan tenggat penanganan pengaduan warga.',
        daysAgo: 30,
        terms: ['pelayanan'],
        ppid: 'setiap_saat',
        document: {
          number: `800/45-Ortala/${year}`,
          type: 'Keputusan Kepala Daerah',
          text: 'Standar Operasional Prosedur Pengelolaan Pengaduan Pelayanan Publik',
        },
        body: p(
          'Prosedur ini mengatur penerimaan, verifikasi, penyaluran ke perangkat daerah, penanganan dan penyelesaian pengaduan, beserta tenggatnya dalam hari kerja.',
        ),
      },
      {
        key: 'bencana',
        kind: 'announcement',
        title: 'Peringatan Dini Cuaca Ekstrem dan Posko Banjir',
        summary: 'Hujan lebat berpotensi menimbulkan genangan; posko siaga di setiap kecamatan.',
        daysAgo: 1,
        terms: ['sosial'],
        ppid: 'serta_merta',
        body: p(
          'Berdasarkan peringatan dini BMKG, hujan lebat disertai angin kencang berpotensi terjadi dalam tiga hari ke depan. Posko siaga banjir dibuka di setiap kantor kecamatan selama 24 jam.',
          'Warga di bantaran sungai diminta waspada dan segera melapor bila air naik. Nomor darurat: 112.',
        ),
      },
      {
        key: 'pengadaan',
        kind: 'document',
        title: 'Dokumen evaluasi penawaran pengadaan yang sedang berjalan',
        daysAgo: 20,
        ppid: 'dikecualikan',
        document: { number: '-', type: 'Dokumen Pengadaan', text: 'Dikecualikan' },
        body: p('Informasi ini dikecualikan berdasarkan uji konsekuensi PPID.'),
      },
    ],
    menu: [
      {
        label: 'Profil',
        post: 'profil',
        children: [
          { label: 'Visi dan Misi', post: 'visi-misi' },
          { label: 'Sejarah', post: 'sejarah' },
        ],
      },
      { label: 'Berita', href: '/berita' },
      { label: 'Pengumuman', href: '/pengumuman' },
      { label: 'Agenda', href: '/agenda' },
      { label: 'Dokumen', href: '/dokumen' },
      { label: 'PPID', href: '/ppid' },
      { label: 'Kontak', post: 'kontak' },
    ],
  };
}

/** An agency's site (OPD): its services, its news, a gallery, its strategic plan. */
export function agencySite(
  agency: { name: string; code: string },
  tenant: { name: string; domain: string },
): DemoSite {
  const year = new Date().getFullYear();
  const mail = `${agency.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}@${tenant.domain}`;
  return {
    tagline: `${agency.name} ${tenant.name}`,
    footer: {
      address: `Gedung Pusat Pemerintahan Lantai 4, ${tenant.name}`,
      phone: '(021) 5585 1234',
      email: mail,
      hours: 'Senin–Jumat 08.00–16.00',
    },
    terms: [
      { key: 'kegiatan', kind: 'category', name: 'Kegiatan' },
      { key: 'layanan', kind: 'category', name: 'Layanan' },
      { key: 'skm', kind: 'tag', name: 'Survei Kepuasan Masyarakat' },
      { key: 'laksa', kind: 'tag', name: 'LAKSA' },
    ],
    images: [
      {
        key: 'forum-1',
        alt: 'Peserta forum konsultasi publik mengangkat tangan untuk bertanya',
        caption: 'Sesi tanya jawab',
        hue: 190,
      },
      {
        key: 'forum-2',
        alt: 'Kepala dinas memaparkan rancangan rencana strategis di depan layar',
        caption: 'Pemaparan rancangan Renstra',
        hue: 160,
      },
      {
        key: 'forum-3',
        alt: 'Warga mengisi lembar masukan di meja registrasi',
        caption: 'Masukan tertulis warga',
        hue: 45,
      },
      {
        key: 'skm',
        alt: 'Petugas layanan membantu warga mengisi survei di tablet',
        caption: 'Pengisian survei kepuasan',
        hue: 330,
      },
    ],
    posts: [
      {
        key: 'profil',
        kind: 'page',
        title: 'Profil',
        menuOrder: 1,
        daysAgo: 300,
        body: p(
          `${agency.name} melaksanakan urusan pemerintahan yang menjadi kewenangan daerah di bidangnya, serta tugas pembantuan yang diberikan kepada daerah.`,
        ),
      },
      {
        key: 'tugas',
        kind: 'page',
        title: 'Tugas dan Fungsi',
        parent: 'profil',
        menuOrder: 1,
        daysAgo: 300,
        ppid: 'berkala',
        body: `${p('Tugas dan fungsi ditetapkan dalam Peraturan Kepala Daerah tentang kedudukan, susunan organisasi, tugas dan fungsi serta tata kerja perangkat daerah:')}<ul><li>perumusan kebijakan teknis di bidangnya;</li><li>pelaksanaan kebijakan dan pelayanan umum;</li><li>pembinaan, pengawasan dan pelaporan;</li><li>pengelolaan kesekretariatan dinas.</li></ul>`,
      },
      {
        key: 'struktur',
        kind: 'page',
        title: 'Struktur Organisasi',
        parent: 'profil',
        menuOrder: 2,
        daysAgo: 300,
        ppid: 'berkala',
        body: p(
          'Dinas dipimpin seorang Kepala Dinas, dibantu Sekretaris dan tiga Kepala Bidang, dengan kelompok jabatan fungsional dan unit pelaksana teknis.',
        ),
      },
      {
        key: 'standar',
        kind: 'page',
        title: 'Standar Pelayanan',
        menuOrder: 2,
        daysAgo: 120,
        ppid: 'setiap_saat',
        body: `${p('Setiap layanan memiliki standar: persyaratan, prosedur, jangka waktu, biaya (tanpa biaya kecuali ditetapkan peraturan daerah), produk layanan, serta sarana pengaduan.')}<table><thead><tr><th>Layanan</th><th>Jangka waktu</th><th>Biaya</th></tr></thead><tbody><tr><td>Rekomendasi teknis</td><td>5 hari kerja</td><td>Tanpa biaya</td></tr><tr><td>Konsultasi teknis</td><td>1 hari kerja</td><td>Tanpa biaya</td></tr><tr><td>Penanganan pengaduan</td><td>sesuai kategori di LAKSA</td><td>Tanpa biaya</td></tr></tbody></table>`,
      },
      {
        key: 'skm',
        kind: 'news',
        title: 'Indeks Kepuasan Masyarakat Semester II Capai 86,4',
        summary: 'Nilai tertinggi pada unsur perilaku petugas; waktu layanan masih perlu dipercepat.',
        daysAgo: 3,
        terms: ['layanan', 'skm'],
        image: 'skm',
        body: p(
          `Survei Kepuasan Masyarakat semester II di ${agency.name} menghasilkan indeks 86,4 (mutu B, kinerja baik) dari 412 responden.`,
          'Unsur dengan nilai tertinggi adalah perilaku petugas (3,62 dari 4), sedangkan waktu penyelesaian layanan (3,21) menjadi prioritas perbaikan semester depan.',
          'Hasil lengkap dan rencana tindak lanjut diumumkan di ruang layanan dan di situs ini.',
        ),
      },
      {
        key: 'laksa',
        kind: 'news',
        title: '214 Laporan Warga Ditangani Lewat LAKSA Sepanjang Bulan Ini',
        summary: 'Rata-rata laporan selesai dalam 3,8 hari kerja, di bawah tenggat 5 hari kerja.',
        daysAgo: 7,
        terms: ['layanan', 'laksa'],
        body: p(
          `Sepanjang bulan ini ${agency.name} menerima 214 laporan warga melalui LAKSA. Sebanyak 196 laporan telah selesai, 15 dalam penanganan, dan 3 dialihkan ke perangkat daerah yang berwenang.`,
          'Rata-rata penyelesaian 3,8 hari kerja. Warga dapat memantau laporannya dengan nomor pelacakan di portal.',
        ),
      },
      {
        key: 'sosialisasi',
        kind: 'news',
        title: 'Sosialisasi Standar Pelayanan kepada Kecamatan dan Kelurahan',
        summary: 'Petugas kecamatan kini dapat menjelaskan persyaratan layanan dinas kepada warga.',
        daysAgo: 12,
        terms: ['kegiatan'],
        body: p(
          'Dinas menggelar sosialisasi standar pelayanan bagi petugas pelayanan di kecamatan dan kelurahan, agar warga memperoleh informasi persyaratan yang sama di mana pun mereka bertanya.',
        ),
      },
      {
        key: 'rakor',
        kind: 'news',
        title: `Rapat Koordinasi Program Kerja ${year + 1}`,
        summary: 'Program kerja tahun depan diselaraskan dengan hasil Musrenbang.',
        daysAgo: 18,
        terms: ['kegiatan'],
        body: p(
          `Rapat koordinasi menyelaraskan program kerja tahun ${year + 1} dengan usulan prioritas hasil Musrenbang dan sasaran Rencana Strategis.`,
        ),
      },
      {
        key: 'jam-layanan',
        kind: 'announcement',
        title: 'Jam Layanan Selama Libur Akhir Tahun',
        summary: 'Layanan tatap muka tutup pada hari libur; pengaduan daring tetap diterima.',
        daysAgo: 2,
        terms: ['layanan'],
        body: p(
          'Layanan tatap muka tutup pada hari libur nasional dan cuti bersama. Pengaduan melalui LAKSA tetap diterima dan ditindaklanjuti pada hari kerja berikutnya.',
        ),
      },
      {
        key: 'forum',
        kind: 'agenda',
        title: 'Forum Konsultasi Publik Rancangan Renstra',
        summary: 'Masukan warga atas rancangan Rencana Strategis.',
        daysAgo: 6,
        terms: ['kegiatan'],
        agenda: { inDays: 8, hour: 9, hours: 3, location: 'Aula Gedung Pusat Pemerintahan' },
        body: p(
          'Forum terbuka bagi warga, akademisi dan organisasi masyarakat untuk memberi masukan atas rancangan Rencana Strategis perangkat daerah.',
        ),
      },
      {
        key: 'renstra',
        kind: 'document',
        title: `Rencana Strategis ${year - 1}–${year + 3}`,
        summary: 'Tujuan, sasaran, program dan indikator kinerja lima tahun.',
        daysAgo: 40,
        terms: ['kegiatan'],
        ppid: 'berkala',
        document: {
          number: `050/12/${year - 1}`,
          type: 'Rencana Strategis',
          text: `Rencana Strategis ${agency.name}`,
        },
        body: p(
          'Dokumen perencanaan lima tahunan yang memuat tujuan, sasaran, strategi, kebijakan, program dan kegiatan, beserta indikator kinerjanya.',
        ),
      },
      {
        key: 'galeri',
        kind: 'gallery',
        title: 'Dokumentasi Forum Konsultasi Publik',
        summary: 'Suasana forum konsultasi publik rancangan Renstra.',
        daysAgo: 10,
        terms: ['kegiatan'],
        gallery: ['forum-1', 'forum-2', 'forum-3'],
        body: p('Dokumentasi kegiatan forum konsultasi publik.'),
      },
    ],
    menu: [
      {
        label: 'Profil',
        post: 'profil',
        children: [
          { label: 'Tugas dan Fungsi', post: 'tugas' },
          { label: 'Struktur Organisasi', post: 'struktur' },
        ],
      },
      { label: 'Standar Pelayanan', post: 'standar' },
      { label: 'Berita', href: '/berita' },
      { label: 'Agenda', href: '/agenda' },
      { label: 'Dokumen', href: '/dokumen' },
      { label: 'Galeri', href: '/galeri' },
      { label: 'PPID', href: '/ppid' },
    ],
  };
}
