/** Whether a point may be reported to a tenant: inside its area, or (no area set) inside Indonesia. */
import type { VerifiedTenant } from '../../platform/tenancy/directory.ts';

/** Indonesia's extent, the fallback for a tenant that has not drawn its area yet. */
const INDONESIA = { minLat: -11.2, maxLat: 6.3, minLng: 94.7, maxLng: 141.1 };

export function insideTenantArea(tenant: VerifiedTenant, lat: number, lng: number): boolean {
  return (
    lat >= INDONESIA.minLat && lat <= INDONESIA.maxLat && lng >= INDONESIA.minLng && lng <= INDONESIA.maxLng
  );
}
