/** Identifiers are UUIDv7, made in the application (PostgreSQL 15 has no uuidv7()): time-ordered keys. */
import { v7 } from 'uuid';

/** A new time-ordered UUID. */
export function newId(): string {
  return v7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (any version): checked before it reaches a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
