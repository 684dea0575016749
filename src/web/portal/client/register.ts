/**
 * Registers the tenant's service worker (`/t/<slug>/sw.js`, scope: the tenant's portal), on every
 * portal page. The URL is the `data-sw` attribute of this script's element, written by the server.
 */
const url = document.querySelector<HTMLScriptElement>('script[data-sw]')?.dataset.sw;
if (url && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(url).catch(() => {
      // No service worker (private mode, an old browser, plain http): the portal works without.
    });
  });
}
