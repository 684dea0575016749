/** The app's words on the server and the portal (`maps.<key>`), Bahasa Indonesia first. */
export const messages = {
  id: {
    portal: {
      title: 'WebGIS',
      intro: 'Daftar terbaru dari {{tenant}}.',
      empty: 'Belum ada isian.',
    },
    setup: { firstItem: 'Tambahkan isian pertama' },
  },
  en: {
    portal: {
      title: 'WebGIS',
      intro: 'The latest from {{tenant}}.',
      empty: 'Nothing here yet.',
    },
    setup: { firstItem: 'Add the first item' },
  },
};
