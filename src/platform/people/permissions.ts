/**
 * Named permissions `app.resource.action`, held by roles. A grant gives a role to a user in the
 * whole tenant or in one agency (and the agencies under it).
 */
import type { PermissionDef, Role } from '../catalogue/manifest.ts';

/** The platform's own permissions. */
export const PLATFORM_PERMISSIONS: readonly PermissionDef[] = [
  { name: 'platform.tenant.create', roles: ['platform_admin'] },
  { name: 'platform.tenant.configure', roles: ['platform_admin', 'tenant_admin'] },
  { name: 'platform.agency.manage', roles: ['platform_admin', 'tenant_admin', 'agency_admin'] },
  { name: 'platform.user.read', roles: ['platform_admin', 'tenant_admin', 'agency_admin', 'auditor'] },
  { name: 'platform.user.manage', roles: ['platform_admin', 'tenant_admin'] },
  { name: 'platform.role.grant', roles: ['platform_admin', 'tenant_admin'] },
  { name: 'platform.adoption.manage', roles: ['platform_admin', 'tenant_admin'] },
  { name: 'platform.calendar.manage', roles: ['platform_admin', 'tenant_admin'] },
  { name: 'platform.audit.read', roles: ['platform_admin', 'tenant_admin', 'auditor'] },
  /** The development mailbox (outside production only): the messages the platform would have sent. */
  { name: 'platform.mailbox.read', roles: ['platform_admin', 'tenant_admin'] },
];

export type Grant = Readonly<{ id: string; role: Role; agencyId: string | null }>;

/** Maps roles to permissions, from the platform's and every module's declarations. */
export class PermissionRegistry {
  readonly #byRole = new Map<Role, Set<string>>();
  readonly #all = new Set<string>();

  constructor(defs: readonly PermissionDef[]) {
    for (const def of defs) {
      if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*$/.test(def.name)) {
        throw new Error(`Permission "${def.name}" is not named app.resource.action`);
      }
      this.#all.add(def.name);
      for (const role of def.roles) {
        const set = this.#byRole.get(role) ?? new Set<string>();
        set.add(def.name);
        this.#byRole.set(role, set);
      }
    }
  }

  /** Whether any of `grants` holds `permission`: tenant-wide when `agencyPath` is absent, else for
   * the agency whose ancestry (root first, the agency last) is `agencyPath`. */
  allows(grants: readonly Grant[], permission: string, agencyPath?: readonly string[]): boolean {
    if (!this.#all.has(permission)) throw new Error(`Unknown permission ${permission}`);
    return grants.some((g) => {
      if (!this.#byRole.get(g.role)?.has(permission)) return false;
      if (g.agencyId === null) return true;
      return agencyPath?.includes(g.agencyId) ?? false;
    });
  }

  /** Whether any grant holds `permission` anywhere (tenant-wide or in some agency). */
  allowsSomewhere(grants: readonly Grant[], permission: string): boolean {
    return grants.some((g) => this.#byRole.get(g.role)?.has(permission));
  }

  permissionsOf(grants: readonly Grant[]): string[] {
    const out = new Set<string>();
    for (const g of grants) for (const p of this.#byRole.get(g.role) ?? []) out.add(p);
    return [...out].sort();
  }
}
