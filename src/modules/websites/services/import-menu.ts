/**
 * A WordPress export's navigation menu as the site's menu (part of the import's plan): the export's
 * largest menu, two levels, deeper entries under their top one, entries that point at nothing
 * listed as problems.
 */
import type { MenuEntry } from '../tables.ts';
import type { PostRow, SiteState } from './import-plan.ts';
import { cut } from './import-plan.ts';
import { newPath } from './legacy-paths.ts';
import type { WxrItem } from './wxr-parse.ts';

export type Warn = (code: string, item: WxrItem | null, detail?: string) => void;

/** The site's menu from the export's largest menu: two levels, deeper entries under their top one. */
export function buildMenu(
  items: WxrItem[],
  planned: Map<number, PostRow>,
  state: SiteState,
  termsByWpId: Map<number, { kind: 'category' | 'tag'; slug: string; name: string }>,
  siteHref: (url: string) => string,
  warn: Warn,
): MenuEntry[] | null {
  if (items.length === 0) return null;
  const menus = new Map<string, WxrItem[]>();
  for (const item of items) {
    const name = item.terms.find((t) => t.domain === 'nav_menu')?.slug ?? '';
    menus.set(name, [...(menus.get(name) ?? []), item]);
  }
  const [chosen, entries] = [...menus].sort((a, b) => b[1].length - a[1].length)[0]!;
  for (const [name, list] of menus)
    if (name !== chosen) warn('wxr_menu_skipped', null, `${name} (${list.length})`);
  const byId = new Map(entries.map((e) => [e.id!, e]));
  const entryOf = (item: WxrItem): MenuEntry | null => {
    const type = item.meta.get('_menu_item_type') ?? '';
    const object = item.meta.get('_menu_item_object') ?? '';
    const objectId = Number(item.meta.get('_menu_item_object_id') ?? '0');
    let label = item.title;
    let entry: MenuEntry | null = null;
    if (type === 'post_type') {
      const post = planned.get(objectId) ?? state.legacyPosts.get(objectId);
      if (post) {
        label ||= 'title' in post ? post.title : post.slug;
        entry = { label: '', postId: post.id };
      }
    } else if (type === 'taxonomy' && (object === 'category' || object === 'post_tag')) {
      const term = termsByWpId.get(objectId);
      const href = term
        ? term.kind === 'category'
          ? newPath.category(term.slug)
          : newPath.tag(term.slug)
        : null;
      label ||= term?.name ?? '';
      if (href && label) entry = { label: '', href };
    } else if (type === 'custom') {
      const url = siteHref((item.meta.get('_menu_item_url') ?? '').trim());
      if (/^(https?:\/\/|\/|#)/.test(url) && url.length <= 500 && label) entry = { label: '', href: url };
    }
    if (!entry || !label) {
      warn('wxr_menu_entry_skipped', item, `${type}:${object}:${objectId}`);
      return null;
    }
    entry.label = cut(label, 80);
    return entry;
  };
  const sorted = [...entries].sort((a, b) => a.menuOrder - b.menuOrder);
  const topOf = (item: WxrItem): WxrItem => {
    let at = item;
    for (let depth = 0; depth < 20; depth++) {
      const parent = byId.get(Number(at.meta.get('_menu_item_menu_item_parent') ?? '0'));
      if (!parent) return at;
      at = parent;
    }
    return at;
  };
  const menu: MenuEntry[] = [];
  const tops = new Map<number, MenuEntry>();
  for (const item of sorted) {
    if (topOf(item) !== item) continue;
    const entry = entryOf(item);
    if (!entry) continue;
    if (menu.length >= 12) {
      warn('wxr_menu_too_long', item);
      continue;
    }
    menu.push(entry);
    tops.set(item.id!, entry);
  }
  for (const item of sorted) {
    const top = topOf(item);
    if (top === item) continue;
    const parent = tops.get(top.id!);
    if (!parent) continue;
    const entry = entryOf(item);
    if (!entry) continue;
    parent.children ??= [];
    if (parent.children.length >= 20) {
      warn('wxr_menu_too_long', item);
      continue;
    }
    parent.children.push(entry);
  }
  return menu;
}
