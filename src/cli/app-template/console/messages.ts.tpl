/** The app's words in the console (under `__CAMEL__`, and its menu entry), Bahasa Indonesia first. */
const id = {
  nav: { __CAMEL__: '__NAME__' },
  __CAMEL__: {
    title: '__NAME__',
    notLive: 'Aplikasi __NAME__ belum aktif di daerah ini.',
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
  nav: { __CAMEL__: '__NAME__' },
  __CAMEL__: {
    title: '__NAME__',
    notLive: 'The __NAME__ app is not live in this region.',
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
