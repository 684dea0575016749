/**
 * Embeds the editor inserts: a YouTube video or a Google Maps map, and nothing else. It mirrors
 * the server's safe list (services/sanitize.ts keeps only these iframes) so that what the author
 * sees inserted is what survives saving; the server still decides.
 */

const YOUTUBE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The embed address for a pasted URL (a watch, short or embed link of YouTube; a Maps embed link), or undefined. */
export function embedSrc(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const host = url.hostname;
  const youtube = (id: string | null | undefined) =>
    id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
  if (host === 'youtu.be') return youtube(url.pathname.slice(1));
  if (host === 'www.youtube.com' || host === 'youtube.com' || host === 'm.youtube.com') {
    if (url.pathname === '/watch') return youtube(url.searchParams.get('v'));
    const embed = /^\/(embed|shorts)\/([^/]+)$/.exec(url.pathname);
    return youtube(embed?.[2]);
  }
  if (host === 'www.youtube-nocookie.com') {
    return youtube(/^\/embed\/([^/]+)$/.exec(url.pathname)?.[1]);
  }
  if (host === 'www.google.com' && url.pathname === '/maps/embed' && url.search) {
    url.hash = '';
    return url.href;
  }
  return undefined;
}
