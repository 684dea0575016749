/**
 * Whether a point may be reported to a tenant: inside the area it recorded, or — for a tenant that
 * has not drawn its area yet — anywhere in Indonesia.
 */
import { containsPoint, inBBox, type VerifiedTenant } from '../../platform/sdk/index.ts';

/** Indonesia's extent [west, south, east, north], the fallback for a tenant without an area. */
const INDONESIA = [94.7, -11.2, 141.1, 6.3] as const;

export function insideTenantArea(tenant: VerifiedTenant, lat: number, lng: number): boolean {
  if (!tenant.area || !tenant.areaBBox) return inBBox(INDONESIA, lat, lng);
  return inBBox(tenant.areaBBox, lat, lng) && containsPoint(tenant.area, lat, lng);
}
