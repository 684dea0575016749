/** The words of the apps' setup section (`setup.*`), Bahasa Indonesia first. */

export const setupMessages = {
  id: {
    nav: 'Persiapan aplikasi',
    title: 'Persiapan aplikasi',
    intro:
      'Yang masih diperlukan setiap aplikasi aktif sebelum dapat dipakai. Ikuti tautan setiap langkah; daftar ini diperbarui saat Anda kembali.',
    noApps: 'Belum ada aplikasi aktif yang perlu disiapkan.',
    toApps: 'Buka Aplikasi dan perjanjian',
    ready: 'Siap dipakai',
    notReady: 'Belum siap',
    done: 'Selesai:',
    todo: 'Belum:',
    count_one: 'ada {{count}}',
    count_other: 'ada {{count}}',
    missing_one: '{{count}} belum lengkap',
    missing_other: '{{count}} belum lengkap',
  },
  en: {
    nav: 'App setup',
    title: 'App setup',
    intro:
      'What each live app still needs before it can be used. Follow each step’s link; this list is checked again when you come back.',
    noApps: 'No live app needs setting up yet.',
    toApps: 'Open Apps and agreements',
    ready: 'Ready to use',
    notReady: 'Not ready',
    done: 'Done:',
    todo: 'To do:',
    count_one: '{{count}} so far',
    count_other: '{{count}} so far',
    missing_one: '{{count}} incomplete',
    missing_other: '{{count}} incomplete',
  },
};
