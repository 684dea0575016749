/**
 * Drafts kept in the browser's IndexedDB (photos as Blobs), one per tenant and person, under a
 * key the page makes (the report form's `draftKey`). Every call opens the database and closes it again: a draft is
 * written a few times a minute at most, and nothing stays open when the page is frozen.
 */
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

/**
 * Whether this browser keeps drafts at all: IndexedDB exists and opens (not in some private modes,
 * or when the site's storage is blocked). A save may still fail later (a full disk, the quota).
 */
export async function storageAvailable(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    (await open()).close();
    return true;
  } catch {
    return false;
  }
}

export function loadDraft(key: string): Promise<unknown> {
  return run('readonly', (s) => s.get(key));
}

export async function saveDraft(key: string, draft: object): Promise<void> {
  await run('readwrite', (s) => s.put(draft, key));
}

export async function removeDraft(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}

/** Deletes every draft for which `drop(key, value)` says so (all of them by default). */
export async function removeDrafts(
  drop: (key: string, value: unknown) => boolean = () => true,
): Promise<void> {
  const db = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const cursor = tx.objectStore(STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        if (drop(String(c.key), c.value)) c.delete();
        c.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/**
 * The cookie the portal's sign-out sets (`POST /t/<slug>/keluar`, `web/portal/routes.tsx`, same
 * name there): the next portal page that runs a script deletes every draft on the device, then the
 * cookie.
 */
const SIGNED_OUT = 'balai_keluar';

/**
 * After a sign-out, deletes the drafts on this device (every tenant's and person's: the device may
 * be shared) and then the sign-out cookie, at `path` (the tenant's portal root, `/t/<slug>/`).
 * Resolves once done, or at once when there was no sign-out.
 */
export async function clearAfterSignOut(path: string): Promise<void> {
  if (!document.cookie.split(/;\s*/).includes(`${SIGNED_OUT}=1`)) return;
  try {
    if (await storageAvailable()) await removeDrafts();
  } catch {
    return; // Tried again on the next page: the cookie stays.
  }
  document.cookie = `${SIGNED_OUT}=; path=${path}; max-age=0; samesite=lax`;
}
