/**
 * A WordPress post's HTML made into the site's: paragraphs where WordPress adds them on display
 * (its classic editor stores none), shortcodes turned into plain HTML where that is plain
 * ([caption] → figure, [gallery] → figures of the imported images, [embed] → a YouTube video or a
 * link) or removed
 * and reported, and the old uploads' addresses pointed at the imported media. The result still
 * goes through the sanitiser before it is stored (import-plan.ts).
 */

/** What became of a shortcode that could not be kept as it was. */
export type ShortcodeNote = { code: 'embed_as_link' | 'shortcode_removed' | 'gallery_missing'; name: string };

const BLOCK = /<(p|div|h[1-6]|ul|ol|table|figure|blockquote|pre|section|article|hr)\b|<!-- wp:/i;

/** Wraps blank-line separated text in paragraphs, as WordPress's `wpautop` does on display. */
export function autop(html: string): string {
  const source = html.replace(/\r\n?/g, '\n').trim();
  if (source === '' || BLOCK.test(source)) return source;
  return (
    source
      .split(/\n\s*\n/)
      .map((para) => para.trim())
      .filter((para) => para !== '')
      .map((para) => `<p>${para.replace(/\n/g, '<br>\n')}</p>`)
      .join('\n')
      // A paragraph that is only a block shortcode is not a paragraph (it becomes a figure).
      .replace(/<p>\s*(\[(caption|embed)\b[\s\S]*?\[\/\2\])\s*<\/p>/g, '$1')
      .replace(/<p>\s*(\[gallery\b[^\]]*\])\s*<\/p>/g, '$1')
  );
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s\\]]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Shortcodes met often on agency sites that are dropped (forms, page builders, sliders). */
const NAME = '[a-zA-Z_][a-zA-Z0-9_-]*';

/**
 * Turns shortcodes into HTML. `galleryImage` gives an imported image's `<img>` by its WordPress
 * attachment id (null when it was not imported).
 */
export function convertShortcodes(
  html: string,
  galleryImage: (wpId: number) => string | null,
): { html: string; notes: ShortcodeNote[] } {
  const notes: ShortcodeNote[] = [];
  let out = html.replace(
    /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_m, attrs: string, inner: string) => {
      // The caption is the text after the image (or its link); older exports put it in an attribute.
      const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
      const figure = media ? media[1]! : inner;
      const caption = (media ? media[2]!.trim() : '') || attr(attrs, 'caption') || '';
      return `<figure>${figure}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    },
  );
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    const ids = (attr(attrs, 'ids') ?? '')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
    const images = ids.map(galleryImage).filter((img): img is string => img !== null);
    if (images.length === 0 || images.length < ids.length)
      notes.push({ code: 'gallery_missing', name: 'gallery' });
    if (images.length === 0) return '';
    return `<div class="gallery">${images.map((img) => `<figure>${img}</figure>`).join('')}</div>`;
  });
  out = out.replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_m, _attrs: string, url: string) => {
    const href = url.trim();
    if (!/^https?:\/\/[^\s"<>]+$/i.test(href)) {
      notes.push({ code: 'shortcode_removed', name: 'embed' });
      return '';
    }
    // A YouTube video stays a video: the sanitiser keeps its embed (through youtube-nocookie).
    const video =
      /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/watch\?(?:[^"<>\s]*&)?v=|youtu\.be\/)([A-Za-z0-9_-]{6,64})/i.exec(
        href,
      );
    if (video)
      return `<iframe src="https://www.youtube.com/embed/${video[1]}" title="Video YouTube"></iframe>`;
    notes.push({ code: 'embed_as_link', name: 'embed' });
    return `<p><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`;
  });
  // Any other enclosing shortcode keeps its content; a self-closing one goes.
  out = out.replace(
    new RegExp(`\\[(${NAME})(?:\\s[^\\]]*)?\\]([\\s\\S]*?)\\[\\/\\1\\]`, 'g'),
    (_m, name, inner) => {
      notes.push({ code: 'shortcode_removed', name: String(name).toLowerCase() });
      return inner as string;
    },
  );
  out = out.replace(
    new RegExp(`\\[(${NAME})((?:\\s[^\\]]*)?)\\/?\\]`, 'g'),
    (m, name: string, attrs: string) => {
      // "[1]" and "[lihat lampiran]" in running text are words, not shortcodes: only codes with
      // attributes, with an underscore or dash, or one of the common ones are taken as shortcodes.
      const known =
        /^(audio|video|playlist|contact-form-7|wpforms|gravityform|ninja_form|su_|vc_|et_pb_|fusion_|pdf-embedder|wpdm_|pdf)/i;
      if (!attrs.includes('=') && !/[_-]/.test(name) && !known.test(name)) return m;
      notes.push({ code: 'shortcode_removed', name: name.toLowerCase() });
      return '';
    },
  );
  return { html: out, notes };
}

/**
 * Points `src`/`href` values under the old uploads folder at the imported media: `media` maps an
 * uploads path (`2024/05/foto.jpg`, without WordPress's `-300x200` size suffix) to its new address.
 */
export function rewriteUploads(html: string, media: Map<string, string>): string {
  if (media.size === 0) return html;
  return html.replace(
    /\b(src|href)=(["'])([^"']*\/wp-content\/uploads\/([^"']+))\2/gi,
    (whole, name: string, quote: string, _url: string, rel: string) => {
      const target = media.get(uploadKey(rel));
      return target ? `${name}=${quote}${target}${quote}` : whole;
    },
  );
}

/** The lookup key of an uploads path: decoded, lower-case, without a `-WxH` size suffix. */
export function uploadKey(rel: string): string {
  let path = rel.split(/[?#]/)[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % stays as it is.
  }
  return path.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1').toLowerCase();
}

/** The words of an HTML fragment, for the search column and summaries. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
