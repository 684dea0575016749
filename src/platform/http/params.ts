/** Checks of values taken from URLs. */
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';

/** Throws a 404 unless `value` is a UUID: ids from URLs are checked before they reach SQL. */
export function requireUuid(value: string, entity: string): string {
  if (!isUuid(value)) throw notFound(entity);
  return value;
}
