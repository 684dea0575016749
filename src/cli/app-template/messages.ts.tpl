/** The app's words on the server and the portal (`__CODE__.<key>`), Bahasa Indonesia first. */
export const messages = {
  id: {
    portal: {
      title: '__NAME__',
      intro: 'Daftar terbaru dari {{tenant}}.',
      empty: 'Belum ada isian.',
    },
  },
  en: {
    portal: {
      title: '__NAME__',
      intro: 'The latest from {{tenant}}.',
      empty: 'Nothing here yet.',
    },
  },
};
