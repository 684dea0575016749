/**
 * The app's permissions (the manifest gives each its roles). A file with no imports, so that the
 * console's bundle names them without the server's code.
 */
export const PERM = {
  /** See every layer, staff-only ones too (console, OGC API with a token). */
  read: 'maps.layers.read',
  /** Upload, change and delete layers (an agency's, when granted at an agency). */
  manage: 'maps.layers.manage',
} as const;
