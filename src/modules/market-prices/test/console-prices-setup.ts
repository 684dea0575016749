/**
 * What the market prices console tests share: a running server for kota-harga with the reports and
 * market prices apps live, an agency (DISPERINDAG) with an officer at two of its three markets and
 * a supervisor, an operator for the LIVE Room and a tenant administrator; the days eight, seven and
 * one before today published (rice 13.000, chilli 50.000 at both markets); kota-tanpa-harga, where
 * the app is not live, with an operator; Chromium; and calls to the app's API and a sign-in.
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
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
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { createAgency, grantRole, INSTALLED_APPS, WEB_DIST } from '../../../platform/sdk/testing.ts';
import { addDays } from '../prices.ts';

export const SLUG = 'kota-harga';
export const B = 'beras-medium-1';
export const C = 'cabai-rawit-merah';
export const PHONE = { width: 390, height: 844 };

/** Today in the tenant's zone (Asia/Jakarta), as the console and the API count days. */
export const T = localDateOf(new Date(), 'Asia/Jakarta');
export const YESTERDAY = addDays(T, -1);
export const WEEK_AGO = addDays(T, -7);

export type ConsolePricesContext = Awaited<ReturnType<typeof startConsolePrices>>;

/** Boots the server and the browser with the above; close `browser`, then `t`. */
export async function startConsolePrices() {
  let t: TestContext;
  let origin = '';
  let officerEmail = '';
  let supervisorEmail = '';
  let operatorEmail = '';
  let bareOperatorEmail = '';
  let adminEmail = '';
  let officer: Json;
  let supervisor: Json;

  const api = async (method: string, url: string, headers: Json, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/t/${SLUG}/api/v1/market-prices${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() as Json };
  };
  /** The prices saved at a market on a day, by commodity (entries only). */
  const saved = async (market: string, day: string) => {
    const sheet = await api('GET', `/entry/${market}/${day}`, officer);
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    return Object.fromEntries(
      (sheet.body.items as Json[]).filter((i) => i.price !== null).map((i) => [i.commodity, i.price]),
    );
  };

  /** A past day entered by the officer at both markets, verified and published by the supervisor. */
  async function publishedDay(day: string, rice: number, chilli: number) {
    for (const market of ['pasar-a', 'pasar-b']) {
      const res = await api('PUT', `/entry/${market}/${day}`, officer, {
        items: [
          { commodity: B, quotes: [rice] },
          { commodity: C, quotes: [chilli] },
        ],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    assert.equal((await api('POST', `/review/${day}/verify`, supervisor, {})).status, 200);
    const published = await api('POST', `/review/${day}/publish`, supervisor);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.alerts, 0);
  }

  /** Today's chilli price at a market, as the supervisor's review has it. */
  const chilliAt = async (market: string) => {
    const review = await api('GET', `/review/${T}`, supervisor);
    const m = (review.body.markets as Json[]).find((x) => x.code === market);
    return (m?.items as Json[] | undefined)?.find((i) => i.commodity === C)?.price;
  };

  async function signIn(context: BrowserContext, login: string, at: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/t/${SLUG}${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }
  const built = path.join(WEB_DIST, 'console', 'index.html');
  if (!existsSync(built)) {
    throw new Error(
      `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
    );
  }
  t = await startTest({ modules: INSTALLED_APPS });
  const tenant = await makeTenant(t.platform, SLUG);
  await makeLive(t.platform, tenant.id, 'reports');
  await makeLive(t.platform, tenant.id, 'market-prices');
  const agency = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
    createAgency(scope, {
      code: 'DISPERINDAG',
      name: 'Dinas Perindustrian dan Perdagangan',
      kind: 'dinas',
    }),
  );
  const staffAt = async (role: 'officer' | 'agency_admin', name: string) => {
    const s = await makeStaff(t.platform, tenant.id, [], undefined, name);
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      grantRole(scope, s.id, { role, agencyId: agency.id }),
    );
    return s;
  };
  const o = await staffAt('officer', 'Petugas Pasar');
  const s = await staffAt('agency_admin', 'Penyelia Disperindag');
  officerEmail = o.email;
  supervisorEmail = s.email;
  operatorEmail = (await makeStaff(t.platform, tenant.id, ['operator'], undefined, 'Operator LIVE')).email;
  adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], undefined, 'Admin Kota')).email;
  officer = await bearerFor(t.app, SLUG, officerEmail);
  supervisor = await bearerFor(t.app, SLUG, supervisorEmail);
  for (const [code, name] of [
    ['pasar-a', 'Pasar Anyar'],
    ['pasar-b', 'Pasar Baru'],
    ['pasar-c', 'Pasar Cikokol'],
  ]) {
    const m = await api('PUT', `/markets/${code}`, supervisor, { name, agencyId: agency.id });
    assert.equal(m.status, 200, JSON.stringify(m.body));
  }
  // The officer works at two of the three markets.
  for (const [code, ids] of [
    ['pasar-a', [o.id]],
    ['pasar-b', [o.id]],
    ['pasar-c', []],
  ] as const) {
    assert.equal((await api('PUT', `/markets/${code}/officers`, supervisor, { userIds: ids })).status, 200);
  }
  // Eight days back too, so that a correction of yesterday compares with a week before it.
  await publishedDay(addDays(T, -8), 13_000, 50_000);
  await publishedDay(WEEK_AGO, 13_000, 50_000);
  await publishedDay(YESTERDAY, 13_000, 50_000);
  // A region that has not adopted the app.
  const bare = await makeTenant(t.platform, 'kota-tanpa-harga');
  await makeLive(t.platform, bare.id, 'reports');
  bareOperatorEmail = (await makeStaff(t.platform, bare.id, ['operator'])).email;
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return {
    t,
    browser,
    origin,
    officerEmail,
    supervisorEmail,
    operatorEmail,
    bareOperatorEmail,
    adminEmail,
    officer,
    supervisor,
    api,
    saved,
    chilliAt,
    signIn,
  };
}
