/** Where the app's API lives under the tenant's routes. */
export const BASE = '/api/v1/market-prices';

/** The tag of the app's operations in OpenAPI (one array, as when every route shared one). */
export const tags = ['market-prices'];
