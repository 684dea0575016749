/** Reports that arrive as chat messages through a messaging provider's webhook. */
import { invalid } from '../../../platform/sdk/index.ts';
import type { MessagingInput, NewReportInput } from '../schemas.ts';
import type { CategoryRow } from './config.ts';

/** A report filed through a messaging provider: `#category` at the start picks the category. */
export function parseMessage(
  message: MessagingInput,
  categories: Map<string, CategoryRow>,
): { input: NewReportInput; category: string } {
  const tag = /^\s*#([a-z0-9-]{1,40})\b\s*/i.exec(message.text);
  const named = tag ? categories.get(tag[1]!.toLowerCase()) : undefined;
  const active = [...categories.values()].filter((c) => c.active);
  const fallback = categories.get('other')?.active ? categories.get('other') : active.at(-1);
  const category = named?.active ? named : fallback;
  if (!category) throw invalid({ path: '/body/text', code: 'unknown_category' });
  const description = (named ? message.text.slice(tag![0].length) : message.text).trim();
  if (description.length < 10)
    throw invalid({ path: '/body/text', code: 'minLength', params: { limit: 10 } });
  return {
    category: category.code,
    input: {
      type: 'complaint',
      category: category.code,
      description: description.slice(0, 4000),
      ...(message.lat !== undefined && message.lng !== undefined
        ? { lat: message.lat, lng: message.lng }
        : {}),
      ...(message.address ? { address: message.address } : {}),
      ...(message.name ? { name: message.name } : {}),
      phone: message.from,
    },
  };
}
