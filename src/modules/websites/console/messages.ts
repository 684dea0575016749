import { importConsoleMessages } from './messages-import.ts';

/** The app's words in the console (under `websites`, and its menu entry), Bahasa Indonesia first. */
import { ppidConsoleMessages } from './messages-ppid.ts';

const id = {
  nav: { websites: 'Situs web', ppid: 'PPID — Permohonan informasi' },
  websites: {
    title: 'Situs web',
    notLive: 'Aplikasi Website OPD belum aktif di daerah ini.',
    empty: 'Belum ada situs.',
    import: importConsoleMessages.id,
    ppid: ppidConsoleMessages.id,
  },
};

const en: typeof id = {
  nav: { websites: 'Websites', ppid: 'PPID — Information requests' },
  websites: {
    title: 'Websites',
    notLive: 'The Website OPD app is not live in this region.',
    empty: 'No websites yet.',
    import: importConsoleMessages.en,
    ppid: ppidConsoleMessages.en,
  },
};

export const consoleMessages = { id, en };
