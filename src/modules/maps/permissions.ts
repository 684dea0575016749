/**
 * The app's permissions (the manifest gives each its roles). A file with no imports, so that the
 * console's bundle names them without the server's code.
 */
export const PERM = {
  read: 'maps.item.read',
  manage: 'maps.item.manage',
} as const;
