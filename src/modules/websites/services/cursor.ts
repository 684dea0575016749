/**
 * The `after` marker of a list's next page: the last row's time and id, opaque to the caller
 * (base64url). A marker that does not decode is the caller's error (400 `bad_cursor`).
 */
import { invalid } from '../../../platform/sdk/index.ts';

export type Cursor = { at: Date; id: string };

export function encodeCursor(at: Date | string, id: string): string {
  return Buffer.from(`${new Date(at).toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  const [at, id] = Buffer.from(text, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (!id || Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw invalid({ path: '/query/after', code: 'bad_cursor' });
  }
  return { at: when, id };
}
