/**
 * Test harness: a fresh database per suite — embedded PGlite in memory by default, or a new
 * database on the server named by TEST_DATABASE_URL — with the platform and the HTTP app over it,
 * and factories for tenants, staff and sign-ins.
 */

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openMigratedDatabase } from '../../src/platform/boot.ts';
import { runOnLive } from '../../src/platform/catalogue/go-live.ts';
import type { AppManifest, Role } from '../../src/platform/catalogue/manifest.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../../src/platform/db/tenant-scope.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { createUser, grantRole } from '../../src/platform/people/service.ts';
import { createPlatform, type Platform } from '../../src/platform/platform.ts';
import { createTenant } from '../../src/platform/tenancy/service.ts';
import { readTemplate, writeTemplate } from './embedded-template.ts';

export const PASSWORD = 'correct-horse-battery';

/** Which database the suites run on: 'postgres' when TEST_DATABASE_URL is set. */
/**
 * A JSON response body as the reports suites read it. Loose on purpose: each assertion states the
 * shape it expects, and a typed body would need a cast at every one of them. The one \`any\` of the
 * test support; the suites share it rather than each writing its own.
 */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
export type Json = Record<string, any>;

export const DB_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

/** Creates an empty database on the test server; returns its URL and a function that drops it. */
export async function freshServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `balai_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestContext = {
  platform: Platform;
  app: FastifyInstance;
  config: Config;
  close: () => Promise<void>;
};

/** Boots a platform and app on a fresh database. */
export async function startTest(
  options: { modules?: readonly AppManifest[]; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const server = DB_KIND === 'postgres' ? await freshServerDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    BASE_DOMAIN: 'balai.test',
    // Suites sign in many times from one address; the limit itself is tested with a low value.
    LOGIN_RATE_PER_MINUTE: '10000',
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...options.env,
  });
  const modules = options.modules ?? [];
  const template = server ? undefined : readTemplate(modules);
  const database = await openMigratedDatabase(config, modules, undefined, template?.snapshot);
  if (template && !template.snapshot) await writeTemplate(template.file, database);
  const platform = await createPlatform(config, database, modules);
  const app = await buildApp(platform, { logger: false });
  await app.ready();
  return {
    platform,
    app,
    config,
    async close() {
      await app.close();
      await platform.close();
      await server?.drop();
    },
  };
}

let codeCounter = 0;
/** A region code that is valid for a kota and unique within a run. */
function nextCityCode(): string {
  codeCounter += 1;
  const province = 31 + Math.floor(codeCounter / 28);
  return `${province}.${String(71 + (codeCounter % 28)).padStart(2, '0')}`;
}

/** Creates a tenant (a kota) and returns its verified directory entry. */
export async function makeTenant(
  platform: Platform,
  slug: string,
  extra: { timeZone?: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'; domains?: string[] } = {},
) {
  await createTenant(
    platform.database.db,
    {
      slug,
      code: nextCityCode(),
      kind: 'kota',
      name: `Kota ${slug}`,
      timeZone: extra.timeZone ?? 'Asia/Jakarta',
      domains: extra.domains ?? [],
    },
    SYSTEM_ACTOR,
  );
  await platform.directoryChanged();
  return platform.directory.bySlug(slug)!;
}

let nipCounter = 0;
/** Creates a staff account with the given tenant-wide roles; returns its id and email. */
export async function makeStaff(
  platform: Platform,
  tenantId: string,
  roles: Role[],
  email?: string,
  displayName = 'Staf Uji',
) {
  nipCounter += 1;
  const address = email ?? `staff${nipCounter}-${randomBytes(3).toString('hex')}@example.go.id`;
  const nip = `19850312201001${1}${String(nipCounter).padStart(3, '0')}`;
  const id = await platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
    const userId = await createUser(scope, {
      kind: 'staff',
      displayName,
      email: address,
      nip,
      password: PASSWORD,
    });
    for (const role of roles) await grantRole(scope, userId, { role, agencyId: null });
    return userId;
  });
  return { id, email: address };
}

/** Signs in through the API; returns the headers an authenticated unsafe request needs. */
export async function signIn(app: FastifyInstance, slug: string, email: string, password = PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: `/t/${slug}/api/v1/auth/login`,
    payload: { login: email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'balai_session');
  const body = res.json() as { csrfToken: string };
  return { cookie: `balai_session=${cookie!.value}`, 'x-csrf-token': body.csrfToken };
}

/** Issues an API token for a signed-in user; returns the Authorization header. */
export async function bearerFor(app: FastifyInstance, slug: string, email: string, password = PASSWORD) {
  const headers = await signIn(app, slug, email, password);
  const res = await app.inject({
    method: 'POST',
    url: `/t/${slug}/api/v1/api-tokens`,
    headers,
    payload: { name: 'tests' },
  });
  if (res.statusCode !== 201) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipartFile(field: string, filename: string, contentType: string, bytes: Uint8Array) {
  const boundary = `----balai${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart/form-data body of text fields and files, in the order given, for `app.inject`. */
export function multipartForm(
  parts: (
    | { name: string; value: string }
    | { name: string; filename: string; type: string; bytes: Uint8Array }
  )[],
) {
  const boundary = `----balai${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((p) =>
    'value' in p
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
          ),
        ]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`,
          ),
          Buffer.from(p.bytes),
          Buffer.from('\r\n'),
        ],
  );
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small but real PDF document carrying `text`. */
export function tinyPdf(text: string): Uint8Array {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** Takes an app live for a tenant directly (the adoption flow itself is tested in adoption.test.ts). */
export async function makeLive(platform: Platform, tenantId: string, app: string) {
  const tenant = platform.directory.all().find((t) => t.id === tenantId)!;
  await platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
    await scope.trx
      .insertInto('adoptions')
      .values({
        tenant_id: tenantId,
        app_code: app,
        channel: 'web',
        status: 'live',
        origin_tenant_id: null,
        mou_id: null,
        pks_id: null,
        live_since: '2026-01-05',
      })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'app_code', 'channel'])
          .doUpdateSet({ status: 'live', live_since: '2026-01-05' }),
      )
      .execute();
    // What the adoption's step to live does (an app's reference data), as the real flow would.
    await runOnLive(platform, scope, tenant, app);
  });
  await platform.directoryChanged();
}
