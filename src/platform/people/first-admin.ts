/**
 * A new tenant's first administrator, made by a platform administrator: a staff account whose
 * password nobody knows (random, never shown), the `tenant_admin` role in the whole tenant, and a
 * single-use link to set the password (see `issueInviteLink`). A link rather than an initial
 * password: it works once, expires, is never stored in clear, and the platform administrator never
 * learns the password; yet it works offline too, since it is also shown once to hand over.
 */
import type { Language } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { randomSecret } from './auth.ts';
import { issueInviteLink } from './passwords.ts';
import type { FirstAdministratorInput } from './schemas.ts';
import { createUser, grantRole } from './service.ts';

export async function createFirstAdministrator(
  scope: TenantScope,
  input: FirstAdministratorInput,
  context: { language: Language; tenantName: string; base: string; ip: string | null },
): Promise<{ id: string; link: string; expiresAt: Date }> {
  const id = await createUser(scope, {
    kind: 'staff',
    displayName: input.displayName,
    email: input.email,
    nip: input.nip,
    ...(input.phone ? { phone: input.phone } : {}),
    password: randomSecret(),
  });
  await grantRole(scope, id, { role: 'tenant_admin', agencyId: null });
  return { id, ...(await issueInviteLink(scope, id, context)) };
}
