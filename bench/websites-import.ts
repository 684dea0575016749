/**
 * Import time of a 1,000-post WordPress export into an agency site (issue #16's bench row):
 * a generated WXR with 1,000 news items (Indonesian text, categories, tags, two authors), 50
 * nested pages and a menu, sent through the real route in one request, on the embedded database
 * or PostgreSQL (`BENCH_DATABASE_URL`, else `TEST_DATABASE_URL`). Prints the median of
 * `BENCH_RUNS` imports (3), each into a fresh site.
 *
 *   npx node --import ./src/web/jsx.ts bench/websites-import.ts
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node --import ./src/web/jsx.ts bench/websites-import.ts
 */
import { performance } from 'node:perf_hooks';
import app from '../src/modules/websites/index.ts';
import { makeRegion } from '../src/modules/websites/test/support.ts';
import { DB_KIND, multipartFile, startTest } from '../test/support/harness.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const PHRASES = [
  'Dinas Kesehatan menggelar posyandu serentak di seluruh kelurahan.',
  'Warga diminta melakukan 3M Plus untuk mencegah demam berdarah.',
  'Puskesmas membuka layanan pemeriksaan gratis bagi lansia.',
  'Imunisasi dasar lengkap diberikan kepada bayi di bawah satu tahun.',
  'Tenaga kesehatan mengikuti pelatihan penanganan gawat darurat.',
  'Ibu hamil dianjurkan memeriksakan kehamilan minimal enam kali.',
];
const CATEGORIES = ['berita', 'pengumuman', 'program', 'imunisasi', 'gizi', 'kesehatan-lingkungan'];
const TAGS = ['posyandu', 'dbd', 'vaksin', 'stunting', 'lansia', 'puskesmas', 'gizi-buruk', 'germas'];
const cdata = (s: string) => `<![CDATA[${s}]]>`;

function item(fields: Record<string, string | number>, extra = ''): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`)
    .join('');
  return `<item>${body}${extra}</item>`;
}

export function generateExport(posts: number): string {
  const items: string[] = [];
  for (let p = 1; p <= 50; p++) {
    items.push(
      item({
        title: `Halaman ${p}`,
        link: `https://dinkes.example.go.id/halaman-${p}/`,
        'dc:creator': 'admin',
        'content:encoded': `<p>${PHRASES[p % PHRASES.length]}</p>`,
        'wp:post_id': p,
        'wp:post_date_gmt': '2024-01-01 00:00:00',
        'wp:post_name': `halaman-${p}`,
        'wp:status': 'publish',
        'wp:post_parent': p > 10 ? (p % 10) + 1 : 0,
        'wp:menu_order': p,
        'wp:post_type': 'page',
      }),
    );
  }
  for (let n = 1; n <= posts; n++) {
    const day = new Date(Date.UTC(2024, 0, 1) + n * 8 * 3600 * 1000).toISOString();
    const cat = CATEGORIES[n % CATEGORIES.length]!;
    const tag = TAGS[n % TAGS.length]!;
    const text = Array.from({ length: 8 }, (_, i) => PHRASES[(n + i) % PHRASES.length]).join('\n\n');
    items.push(
      item(
        {
          title: `Berita kesehatan nomor ${n}: ${PHRASES[n % PHRASES.length]!.slice(0, 40)}`,
          link: `https://dinkes.example.go.id/${day.slice(0, 4)}/${day.slice(5, 7)}/berita-${n}/`,
          'dc:creator': n % 2 ? 'admin' : 'redaksi',
          'content:encoded': text,
          'excerpt:encoded': '',
          'wp:post_id': 1000 + n,
          'wp:post_date_gmt': `${day.slice(0, 10)} ${day.slice(11, 19)}`,
          'wp:post_name': `berita-${n}`,
          'wp:status': n % 50 === 0 ? 'draft' : 'publish',
          'wp:post_parent': 0,
          'wp:menu_order': 0,
          'wp:post_type': 'post',
        },
        `<category domain="category" nicename="${cat}">${cdata(cat)}</category><category domain="post_tag" nicename="${tag}">${cdata(tag)}</category>`,
      ),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Dinas Kesehatan</title><link>https://dinkes.example.go.id</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>admin</wp:author_login><wp:author_email>admin@example.go.id</wp:author_email><wp:author_display_name>Admin</wp:author_display_name></wp:author>
<wp:author><wp:author_login>redaksi</wp:author_login><wp:author_email>redaksi@example.go.id</wp:author_email><wp:author_display_name>Redaksi</wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>`;
}

const xml = Buffer.from(generateExport(POSTS));
const t = await startTest({ modules: [app] });
const times: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const region = await makeRegion(t, `bench-import-${run}`);
    const body = multipartFile('file', 'ekspor.xml', 'text/xml', xml);
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${region.slug}/api/v1/websites/sites/dinkes/import`,
      headers: { ...region.admin, ...body.headers },
      payload: body.payload,
    });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`import: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const counts = res.json().counts;
    times.push(ms);
    console.log(
      `run ${run + 1}: ${Math.round(ms)} ms, ${counts.news} news, ${counts.pages} pages, ${counts.redirects} redirects`,
    );
  }
} finally {
  await t.close();
}
times.sort((x, y) => x - y);
console.log(
  `websites import, ${POSTS} posts + 50 pages (${(xml.length / 1024 / 1024).toFixed(1)} MB WXR), ${DB_KIND}: median ${Math.round(times[Math.floor(times.length / 2)]!)} ms over ${RUNS} runs`,
);
