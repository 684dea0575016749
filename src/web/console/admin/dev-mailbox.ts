/**
 * The development mailbox's screen, its parts that need no browser: when the settings menu shows
 * it, and a message's text cut into plain text and the web addresses that become links.
 */
import type { ConsoleContext } from '../ui.tsx';

export const DEV_MAILBOX_PERMISSION = 'platform.mailbox.read';

/**
 * Whether the settings menu offers the mailbox: only when the API serves it (never in production,
 * as the page's configuration says) and the session may read it.
 */
export function devMailboxShown(ctx: Pick<ConsoleContext, 'api' | 'can'>): boolean {
  return ctx.api.config.devMailbox === true && ctx.can(DEV_MAILBOX_PERMISSION);
}

export type TextPart = { text: string } | { href: string };

/** http(s) addresses, up to a space or a character no link in a message carries. */
const ADDRESS = /https?:\/\/[^\s<>"'`]+/g;
/** Punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * A message's text as plain text and links, in order. Only http(s) addresses become links, so no
 * `javascript:` or other scheme written in a message can run; the rest stays text.
 */
export function linkParts(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of body.matchAll(ADDRESS)) {
    const href = match[0].replace(TRAILING, '');
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ href });
    at = match.index + href.length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}
