/**
 * Drafts kept in the browser's IndexedDB (photos as Blobs), one per form, by a key such as the
 * form's action. Every call opens the database and closes it again: a draft is written a few times
 * a minute at most, and nothing stays open when the page is frozen.
 */
import type { Draft } from './draft.ts';

const DB = 'balai-drafts';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function loadDraft(key: string): Promise<Draft | undefined> {
  return run('readonly', (s) => s.get(key) as IDBRequest<Draft | undefined>);
}

export async function saveDraft(key: string, draft: Draft): Promise<void> {
  await run('readwrite', (s) => s.put(draft, key));
}

export async function removeDraft(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
