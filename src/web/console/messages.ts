/**
 * The console shell's words, Bahasa Indonesia first: sign-in, menu, settings and the LIVE Room's
 * frame. Each app brings the words of its own screens (`console/index.ts`, `messages`), merged in
 * by `consoleMessagesWith`.
 */
import { mailboxMessages } from './admin/mailbox-messages.ts';
import { adminMessages } from './admin/messages.ts';
import { setupMessages } from './admin/setup-messages.ts';
import { type ConsoleApp, mergeMessages } from './apps.ts';

const id = {
  admin: adminMessages.id,
  setup: setupMessages.id,
  mailbox: mailboxMessages.id,
  title: 'Konsol petugas',
  skip: 'Langsung ke isi',
  loading: 'Memuat…',
  signIn: 'Masuk',
  signInTitle: 'Masuk ke konsol petugas',
  signInIntro: 'Untuk operator, petugas OPD dan admin {{tenant}}.',
  login: 'Email atau nomor ponsel',
  password: 'Kata sandi',
  signOut: 'Keluar',
  sessionEnded: 'Sesi Anda telah berakhir. Masuk kembali untuk melanjutkan di halaman yang sama.',
  staffOnly: 'Konsol ini hanya untuk petugas. Akun warga dapat memakai portal.',
  toPortal: 'Ke portal warga',
  signedInAs: 'Masuk sebagai {{name}}',
  nav: {
    label: 'Menu konsol',
    live: 'Ruang LIVE',
    admin: 'Pengaturan',
  },
  notFound: 'Halaman konsol ini tidak ada.',
  search: 'Cari',
  all: 'Semua',
  refresh: 'Muat ulang',
  pages: 'Halaman',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  live: {
    title: 'Ruang LIVE',
    connected: 'Langsung',
    reconnecting: 'Menyambung ulang…',
    updated: 'Diperbarui {{time}}',
    none: 'Belum ada',
  },
  baseMap: {
    tilesFailed: 'Peta dasar tidak dapat dimuat. Batas wilayah dan titik tetap ditampilkan.',
    legend: 'Keterangan peta',
    area: 'Batas wilayah',
    report: 'Laporan',
    overdue: 'Lewat tenggat',
    fresh: 'Baru masuk',
  },
};

type Messages = typeof id;

const en: Messages = {
  admin: adminMessages.en,
  setup: setupMessages.en,
  mailbox: mailboxMessages.en,
  title: 'Staff console',
  skip: 'Skip to content',
  loading: 'Loading…',
  signIn: 'Sign in',
  signInTitle: 'Sign in to the staff console',
  signInIntro: 'For operators, agency officers and administrators of {{tenant}}.',
  login: 'Email or mobile number',
  password: 'Password',
  signOut: 'Sign out',
  sessionEnded: 'Your session has ended. Sign in again to carry on where you were.',
  staffOnly: 'This console is for staff only. Citizens can use the portal.',
  toPortal: 'To the citizen portal',
  signedInAs: 'Signed in as {{name}}',
  nav: {
    label: 'Console menu',
    live: 'LIVE Room',
    admin: 'Settings',
  },
  notFound: 'There is no such console page.',
  search: 'Search',
  all: 'All',
  refresh: 'Reload',
  pages: 'Pages',
  previous: 'Previous',
  next: 'Next',
  live: {
    title: 'LIVE Room',
    connected: 'Live',
    reconnecting: 'Reconnecting…',
    updated: 'Updated {{time}}',
    none: 'None yet',
  },
  baseMap: {
    tilesFailed: 'The base map could not be loaded. The area boundary and the points are still shown.',
    legend: 'Map key',
    area: 'Area boundary',
    report: 'Report',
    overdue: 'Overdue',
    fresh: 'Just in',
  },
};

export const consoleMessages = { id, en };

/** The shell's words with those of the apps given (every installed app: a key defined twice throws). */
export function consoleMessagesWith(apps: readonly ConsoleApp[]) {
  return {
    id: mergeMessages(
      id,
      apps.flatMap((a) => (a.messages ? [a.messages.id] : [])),
    ),
    en: mergeMessages(
      en,
      apps.flatMap((a) => (a.messages ? [a.messages.en] : [])),
    ),
  };
}
