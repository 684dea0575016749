import { contentMessages } from './messages-content.ts';

/** The app's words on the server and the portal (`websites.<key>`), Bahasa Indonesia first. */
export const messages = {
  id: {
    portal: {
      title: 'Situs perangkat daerah',
      intro: 'Situs resmi {{tenant}} dan perangkat daerahnya.',
      empty: 'Belum ada situs.',
    },
    setup: { agencySites: 'Buat situs untuk perangkat daerah' },
    home: { title: 'Kabar terbaru', allSites: 'Semua situs perangkat daerah' },
  },
  en: {
    portal: {
      title: 'Agency websites',
      intro: 'The official websites of {{tenant}} and its agencies.',
      empty: 'No websites yet.',
    },
    setup: { agencySites: 'Create websites for the agencies' },
    home: { title: 'Latest news', allSites: "All the agencies' websites" },
  },
};

/** Entries in the platform's shared groups, so that the app's refusals read like the platform's. */
export const sharedMessages = {
  id: {
    detail: {
      not_your_site: 'Anda hanya dapat mengelola situs perangkat daerah tempat Anda bertugas.',
      ...contentMessages.id.detail,
    },
    field: {
      site_slug_taken: 'Alamat situs ini sudah dipakai situs lain.',
      agency_has_site: 'Perangkat daerah ini sudah memiliki situs.',
      ...contentMessages.id.field,
    },
    entity: { site: 'Situs', ...contentMessages.id.entity },
  },
  en: {
    detail: {
      not_your_site: 'You may manage only the websites of the agencies you work for.',
      ...contentMessages.en.detail,
    },
    field: {
      site_slug_taken: 'Another website uses this address already.',
      agency_has_site: 'This agency has a website already.',
      ...contentMessages.en.field,
    },
    entity: { site: 'Website', ...contentMessages.en.entity },
  },
};
