/**
 * What an app's portal scripts (`portal/client/*.ts`, built for the browser) may use of the
 * portal: drafts kept on the device per tenant and person, removed when someone signs out.
 */
export {
  clearAfterSignOut,
  loadDraft,
  removeDraft,
  removeDrafts,
  saveDraft,
  storageAvailable,
} from '../../web/portal/client/lib/store.ts';
