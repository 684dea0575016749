/**
 * What the websites app's suites share: a tenant where the app is live, with two agencies (Dinas
 * Kesehatan, Dinas Pendidikan) each with a site, and staff granted at an agency or tenant-wide.
 */
import {
  bearerFor,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { type Role, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, createUser, grantRole } from '../../../platform/sdk/testing.ts';

export type Region = Awaited<ReturnType<typeof makeRegion>>;

let counter = 0;

/** A tenant with the app live, two agencies with their sites, and its administrator signed in. */
export async function makeRegion(t: TestContext, slug: string) {
  const tenant = await makeTenant(t.platform, slug);
  await makeLive(t.platform, tenant.id, 'websites');
  const [dinkes, disdik] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => [
    await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    await createAgency(scope, { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas' }),
  ]);
  const admin = await bearerFor(
    t.app,
    slug,
    (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email,
  );
  for (const [agency, site] of [
    [dinkes!, 'dinkes'],
    [disdik!, 'disdik'],
  ] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${slug}/api/v1/websites/sites`,
      headers: admin,
      payload: { slug: site, name: agency.name, agencyId: agency.id },
    });
    if (res.statusCode !== 201) throw new Error(`site ${site}: ${res.body}`);
  }
  /** Headers of a new staff member holding `role` at the agency (or tenant-wide for null). */
  const staff = async (role: Role, agencyId: string | null) => {
    counter += 1;
    const email = `web${counter}-${slug}@example.go.id`;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const id = await createUser(scope, {
        kind: 'staff',
        displayName: `Staf Situs ${counter}`,
        email,
        nip: `1990010120200110${String(counter).padStart(2, '0')}`,
        password: PASSWORD,
      });
      await grantRole(scope, id, { role, agencyId });
    });
    return bearerFor(t.app, slug, email, PASSWORD);
  };
  return { tenant, slug, admin, dinkes: dinkes!, disdik: disdik!, staff };
}
