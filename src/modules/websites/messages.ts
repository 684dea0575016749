/** The app's words on the server and the portal (`websites.<key>`), Bahasa Indonesia first. */
import { contentMessages } from './messages-content.ts';
import { importSharedMessages } from './messages-import.ts';
import { ppidMessages, ppidSharedMessages } from './messages-ppid.ts';
import { siteMessages } from './messages-site.ts';

export const messages = {
  id: {
    portal: {
      title: 'Situs perangkat daerah',
      intro: 'Situs resmi {{tenant}} dan perangkat daerahnya.',
      empty: 'Belum ada situs.',
    },
    setup: { agencySites: 'Buat situs untuk perangkat daerah' },
    home: { title: 'Kabar terbaru', allSites: 'Semua situs perangkat daerah' },
    ppid: ppidMessages.id,
    site: siteMessages.id,
  },
  en: {
    portal: {
      title: 'Agency websites',
      intro: 'The official websites of {{tenant}} and its agencies.',
      empty: 'No websites yet.',
    },
    setup: { agencySites: 'Create websites for the agencies' },
    home: { title: 'Latest news', allSites: "All the agencies' websites" },
    ppid: ppidMessages.en,
    site: siteMessages.en,
  },
};

/** Entries in the platform's shared groups, so that the app's refusals read like the platform's. */
export const sharedMessages = {
  id: {
    detail: {
      not_your_site: 'Anda hanya dapat mengelola situs perangkat daerah tempat Anda bertugas.',
      ...contentMessages.id.detail,
      ...importSharedMessages.id.detail,
      ...ppidSharedMessages.id.detail,
    },
    field: {
      ...importSharedMessages.id.field,
      ...ppidSharedMessages.id.field,
      site_slug_taken: 'Alamat situs ini sudah dipakai situs lain.',
      agency_has_site: 'Perangkat daerah ini sudah memiliki situs.',
      ...contentMessages.id.field,
    },
    entity: { site: 'Situs', ...contentMessages.id.entity, ...ppidSharedMessages.id.entity },
  },
  en: {
    detail: {
      not_your_site: 'You may manage only the websites of the agencies you work for.',
      ...contentMessages.en.detail,
      ...importSharedMessages.en.detail,
      ...ppidSharedMessages.en.detail,
    },
    field: {
      ...importSharedMessages.en.field,
      ...ppidSharedMessages.en.field,
      site_slug_taken: 'Another website uses this address already.',
      agency_has_site: 'This agency has a website already.',
      ...contentMessages.en.field,
    },
    entity: { site: 'Website', ...contentMessages.en.entity, ...ppidSharedMessages.en.entity },
  },
};
