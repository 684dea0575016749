import { importConsoleMessages } from './messages-import.ts';

/** The app's words in the console (under `websites`, and its menu entry), Bahasa Indonesia first. */
const id = {
  nav: { websites: 'Situs web' },
  websites: {
    title: 'Situs web',
    notLive: 'Aplikasi Website OPD belum aktif di daerah ini.',
    empty: 'Belum ada situs.',
    import: importConsoleMessages.id,
  },
};

const en: typeof id = {
  nav: { websites: 'Websites' },
  websites: {
    title: 'Websites',
    notLive: 'The Website OPD app is not live in this region.',
    empty: 'No websites yet.',
    import: importConsoleMessages.en,
  },
};

export const consoleMessages = { id, en };
