/**
 * Registers the tenant's service worker (`/t/<slug>/sw.js`, scope: the tenant's portal), on every
 * portal page. The URL is the `data-sw` attribute of this script's element, written by the server.
 * After a sign-out (the sign-out's cookie), it first deletes the report form's drafts on the device.
 */
import { clearAfterSignOut } from './lib/store.ts';

const url = document.querySelector<HTMLScriptElement>('script[data-sw]')?.dataset.sw;
if (url) {
  // The tenant's portal root, where the sign-out cookie lives: `/t/<slug>/sw.js` → `/t/<slug>/`.
  void clearAfterSignOut(new URL('.', new URL(url, location.href)).pathname);
}
if (url && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(url).catch(() => {
      // No service worker (private mode, an old browser, plain http): the portal works without.
    });
  });
}
