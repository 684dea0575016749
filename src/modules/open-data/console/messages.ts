/** The app's words in the console (under `openData`, and its menu entry), Bahasa Indonesia first. */
const id = {
  nav: { openData: 'Satu Data' },
  openData: {
    title: 'Satu Data',
    notLive: 'Aplikasi Satu Data belum aktif di daerah ini.',
    list: 'Isian terbaru',
    empty: 'Belum ada isian.',
    add: 'Tambah isian',
    itemTitle: 'Judul',
    description: 'Keterangan (opsional)',
    save: 'Simpan',
    saved: 'Isian tersimpan.',
  },
};

const en: typeof id = {
  nav: { openData: 'Satu Data' },
  openData: {
    title: 'Satu Data',
    notLive: 'The Satu Data app is not live in this region.',
    list: 'Latest items',
    empty: 'Nothing here yet.',
    add: 'Add an item',
    itemTitle: 'Title',
    description: 'Description (optional)',
    save: 'Save',
    saved: 'Item saved.',
  },
};

export const consoleMessages = { id, en };
