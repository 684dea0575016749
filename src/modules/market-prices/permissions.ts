/**
 * The market prices app's permissions (its manifest declares them with their roles). A file of its
 * own, with no imports, so that the staff console's bundle names them without the server's code.
 */
export const PERM = {
  enter: 'market-prices.price.enter',
  verify: 'market-prices.price.verify',
  reference: 'market-prices.reference.manage',
  alertRead: 'market-prices.alert.read',
} as const;

/** The roles that enter prices (the manifest grants them `PERM.enter`): a market's officers hold one. */
export const ENTER_ROLES = ['officer', 'field_officer'] as const;
