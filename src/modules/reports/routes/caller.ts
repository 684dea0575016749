/**
 * Who calls a report's route: the report's secret (a header, or the body's `secret`), an
 * Idempotency-Key, and the roles and agencies in which the caller may act on reports.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  agencyAccess,
  invalid,
  type Platform,
  type Principal,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import type { Who } from '../services/access.ts';

const SECRET_HEADER = 'x-report-secret';

/**
 * The header of a reporter without an account, for the API reference: read by `secretOf`, never
 * validated here (a wrong secret is the service's "not found").
 */
export const ReporterHeaders = Type.Object({
  [SECRET_HEADER]: Type.Optional(
    Type.String({
      description:
        'The report’s secret code, given once when it was filed anonymously: proves the caller is its reporter',
    }),
  ),
});

/** The report's secret: the header wins over the body's. */
export function secretOf(request: FastifyRequest, bodySecret?: string): string | undefined {
  const header = request.headers[SECRET_HEADER];
  return typeof header === 'string' ? header : bodySecret;
}

/** The Idempotency-Key header, checked (printable ASCII, at most 200 characters). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw invalid({ path: '/headers/idempotency-key', code: 'pattern' });
  }
  return key;
}

/** The agencies (with their sub-agencies) in which the principal holds `permission`; null = all. */
export async function agenciesWith(
  platform: Platform,
  scope: TenantScope,
  principal: Principal,
  permission: string,
): Promise<readonly string[] | null> {
  return (await agencyAccess(platform, scope, principal, permission)).agencies();
}

/** Every role in which the caller may act on reports. */
export async function whoAll(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
  secret?: string,
): Promise<Who[]> {
  const p = request.principal;
  const out: Who[] = [{ role: 'reporter', userId: p?.user.id ?? null, secret }];
  if (!p) return out;
  if (platform.permissions.allows(p.grants, PERM.triage)) out.push({ role: 'operator', userId: p.user.id });
  if (platform.permissions.allowsSomewhere(p.grants, PERM.followUp)) {
    const access = await agencyAccess(platform, scope, p, PERM.followUp);
    out.push({ role: 'agency', userId: p.user.id, mayActFor: access.may });
  }
  return out;
}
