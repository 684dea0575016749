import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSources, menuLinks, rebaseLinks, siteHref } from './public-site.ts';

const ROOT = '/t/kota-tangerang/situs/dinkes';

test("a path is the site's: under the portal's root, and as it is on the site's own host", () => {
  assert.equal(siteHref('/kategori/kesehatan', ROOT), `${ROOT}/kategori/kesehatan`);
  assert.equal(siteHref('/2024/05/vaksinasi/', ROOT), `${ROOT}/2024/05/vaksinasi/`);
  assert.equal(siteHref('/kategori/kesehatan', ''), '/kategori/kesehatan');
  // Already under the root (a media address the API gave), a full URL, another scheme: left.
  assert.equal(siteHref(`${ROOT}/media/1`, ROOT), `${ROOT}/media/1`);
  assert.equal(siteHref(`${ROOT}?halaman=2`, ROOT), `${ROOT}?halaman=2`);
  assert.equal(siteHref(`${ROOT}#menu`, ROOT), `${ROOT}#menu`);
  // The tenant's portal: another site, an app's page.
  assert.equal(siteHref('/t/kota-tangerang/situs/utama', ROOT), '/t/kota-tangerang/situs/utama');
  assert.equal(siteHref('/t/kota-tangerang/laporan', ROOT), '/t/kota-tangerang/laporan');
  // A root that merely starts the same is not under it.
  assert.equal(siteHref('/t/kota-tangerang/situs/dinkes-lama', ROOT), '/t/kota-tangerang/situs/dinkes-lama');
  assert.equal(siteHref('https://tangerangkota.go.id/', ROOT), 'https://tangerangkota.go.id/');
  assert.equal(siteHref('//cdn.example/x.png', ROOT), '//cdn.example/x.png');
  assert.equal(siteHref('mailto:dinkes@tangerangkota.go.id', ROOT), 'mailto:dinkes@tangerangkota.go.id');
  assert.equal(siteHref('#jadwal', ROOT), '#jadwal');
});

test("a post's text: path links and images rebased, nothing else touched", () => {
  const html =
    '<p><a href="/kategori/kesehatan">Kesehatan</a> <a href="https://x.go.id/a">x</a> ' +
    `<img src="${ROOT}/media/9" alt="a"> <img src="/wp-content/uploads/b.jpg" alt="b"></p><p>href="/teks"</p>`;
  assert.equal(
    rebaseLinks(html, ROOT),
    `<p><a href="${ROOT}/kategori/kesehatan">Kesehatan</a> <a href="https://x.go.id/a">x</a> ` +
      `<img src="${ROOT}/media/9" alt="a"> <img src="${ROOT}/wp-content/uploads/b.jpg" alt="b"></p><p>href="/teks"</p>`,
  );
});

test('a menu entry with a path links under the root; one of an unknown form is left out', () => {
  const links = menuLinks(
    [
      { label: 'Berita', href: '/berita' },
      { label: 'Portal', href: 'https://tangerangkota.go.id' },
      { label: 'Rusak', href: 'javascript:alert(1)' },
    ],
    ROOT,
    new Map(),
    new Map(),
  );
  assert.deepEqual(
    links.map((l) => l.href),
    [`${ROOT}/berita`, 'https://tangerangkota.go.id'],
  );
});

test("a post's embeds and outside images are the origins its page may load", () => {
  const html =
    '<p><img src="https://wp.tangerangkota.go.id/wp-content/uploads/a.jpg" alt="a">' +
    '<img src="/t/k/situs/s/media/1" alt="b"></p>' +
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>';
  assert.deepEqual(contentSources(html), {
    images: ['https://wp.tangerangkota.go.id/wp-content/uploads/a.jpg'],
    frames: ['https://www.youtube-nocookie.com/embed/abc'],
  });
});
