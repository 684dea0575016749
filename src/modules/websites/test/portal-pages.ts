/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts) and the fuzz
 * suite's walk: the list of sites, every kind of page of the tenant's own site (with a post of
 * each kind written first), and its PPID menu and request form. They ship no script of their own.
 */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';
import { seedPost } from './public-fixtures.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant }) {
    const seed = (kind: Parameters<typeof seedPost>[3]['kind'], slug: string, details = {}) =>
      seedPost(t, tenant.id, 'utama', { kind, slug, title: `Contoh ${slug}`, details });
    await seed('news', 'berita-contoh');
    await seed('announcement', 'pengumuman-contoh');
    await seed('agenda', 'agenda-contoh', { startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    await seed('document', 'dokumen-contoh', {
      year: 2025,
      type: 'Perda',
      mediaId: '00000000-0000-4000-8000-000000000001',
    });
    await seed('gallery', 'galeri-contoh', { items: [] });
    await seed('page', 'profil');
    const site = '/situs/utama';
    return [
      ['websites', '/situs'],
      ['websites site home', site],
      ['websites news', `${site}/berita/berita-contoh`],
      ['websites announcement', `${site}/pengumuman/pengumuman-contoh`],
      ['websites agenda item', `${site}/agenda/agenda-contoh`],
      ['websites document', `${site}/dokumen/dokumen-contoh`],
      ['websites gallery', `${site}/galeri/galeri-contoh`],
      ['websites page', `${site}/profil`],
      ['websites news list', `${site}/berita`],
      ['websites agenda list', `${site}/agenda`],
      ['websites documents', `${site}/dokumen`],
      ['websites search', `${site}/cari?q=contoh`],
      ['websites search of all sites', '/situs/cari?q=contoh'],
      ['websites-ppid', '/situs/utama/ppid'],
      ['websites-ppid-form', '/situs/utama/ppid/permohonan'],
    ];
  },
};

export default fixture;
