/** The app's words on the server and the portal (`open-data.<key>`), Bahasa Indonesia first. */
export const messages = {
  id: {
    portal: {
      title: 'Satu Data',
      intro: 'Daftar terbaru dari {{tenant}}.',
      empty: 'Belum ada isian.',
    },
    setup: { firstItem: 'Tambahkan isian pertama' },
  },
  en: {
    portal: {
      title: 'Satu Data',
      intro: 'The latest from {{tenant}}.',
      empty: 'Nothing here yet.',
    },
    setup: { firstItem: 'Add the first item' },
  },
};
