/**
 * What the websites console suites share: a running server for kota-situs with the app live, two
 * agencies (Dinas Kesehatan, Dinas Pendidikan) with their sites, a third agency without one
 * (Bappeda), a tenant administrator, and at Dinas Kesehatan an agency administrator (editor and
 * publisher of its site) and an officer (a contributor: writes, cannot publish); Chromium; a
 * sign-in and calls to the app's API. Needs the built console: `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../../test/support/browser.ts';
import {
  bearerFor,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
} from '../../../../test/support/harness.ts';
import { type Role, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, grantRole, INSTALLED_APPS, WEB_DIST } from '../../../platform/sdk/testing.ts';

export const SLUG = 'kota-situs';

export async function startWebsitesConsole() {
  const built = path.join(WEB_DIST, 'console', 'index.html');
  if (!existsSync(built)) {
    throw new Error(
      `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
    );
  }
  const t = await startTest({ modules: INSTALLED_APPS });
  const tenant = await makeTenant(t.platform, SLUG);
  await makeLive(t.platform, tenant.id, 'websites');
  const [dinkes, disdik, bappeda] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => [
    await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    await createAgency(scope, { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas' }),
    await createAgency(scope, { code: 'BAPPEDA', name: 'Badan Perencanaan', kind: 'badan' }),
  ]);
  const adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], undefined, 'Admin Kota'))
    .email;
  const admin = await bearerFor(t.app, SLUG, adminEmail);
  const api = async (method: string, url: string, headers: Json, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/t/${SLUG}/api/v1/websites${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as Json };
  };
  for (const [agency, site] of [
    [dinkes!, 'dinkes'],
    [disdik!, 'disdik'],
  ] as const) {
    const res = await api('POST', '/sites', admin, { slug: site, name: agency.name, agencyId: agency.id });
    if (res.status !== 201) throw new Error(`site ${site}: ${JSON.stringify(res.body)}`);
  }
  const staffAt = async (role: Role, agencyId: string, name: string) => {
    const s = await makeStaff(t.platform, tenant.id, [], undefined, name);
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) => grantRole(scope, s.id, { role, agencyId }));
    return { email: s.email, headers: await bearerFor(t.app, SLUG, s.email) };
  };
  const editor = await staffAt('agency_admin', dinkes!.id, 'Redaktur Dinkes');
  const writer = await staffAt('officer', dinkes!.id, 'Penulis Dinkes');
  const origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();

  async function signIn(context: BrowserContext, login: string, at: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/t/${SLUG}${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }
  return { t, browser, origin, api, admin, adminEmail, editor, writer, bappeda: bappeda!, signIn };
}
