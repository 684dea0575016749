/** The app's words in the console (under `openData`, and its menu entry), Bahasa Indonesia first. */
const id = {
  nav: { openData: 'Satu Data' },
  openData: {
    title: 'Satu Data',
    notLive: 'Aplikasi Satu Data belum aktif di daerah ini.',
    intro: 'Katalog data daerah: dataset tiap perangkat daerah, diperiksa walidata sebelum terbit.',
  },
};

const en: typeof id = {
  nav: { openData: 'Satu Data' },
  openData: {
    title: 'Satu Data',
    notLive: 'The Satu Data app is not live in this region.',
    intro:
      "The region's data catalogue: each agency's datasets, checked by the data custodian before publication.",
  },
};

export const consoleMessages = { id, en };
