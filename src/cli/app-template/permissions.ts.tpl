/**
 * The app's permissions (the manifest gives each its roles). A file with no imports, so that the
 * console's bundle names them without the server's code.
 */
export const PERM = {
  read: '__CODE__.item.read',
  manage: '__CODE__.item.manage',
} as const;
