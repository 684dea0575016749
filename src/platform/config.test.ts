/** The configuration's reading of the settings whose wrong value would be a security hole. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { ConfigError, loadConfig } from './config.ts';

const base = { NODE_ENV: 'test', DATA_DIR: 'memory://' };

test('TRUST_PROXY takes a number of proxies or their addresses; unset or false trusts none', () => {
  assert.equal(loadConfig(base).trustProxy, false);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy, 1);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1' }).trustProxy, [
    '10.0.0.5',
    '172.16.0.0/12',
    '::1',
  ]);
});

test('TRUST_PROXY=true, which lets any client choose its address, is refused with what to set', () => {
  assert.throws(
    () => loadConfig({ ...base, TRUST_PROXY: 'true' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 1 &&
      /TRUST_PROXY=true .*TRUST_PROXY=1/.test(error.problems[0]!),
  );
  for (const wrong of ['0', 'yes', '10.0.0.0/33', 'proxy.local', '1,']) {
    assert.throws(() => loadConfig({ ...base, TRUST_PROXY: wrong }), ConfigError, wrong);
  }
});

test('METRICS_TOKEN, when set, is long enough not to be guessed', () => {
  assert.equal(loadConfig(base).metricsToken, undefined);
  assert.equal(loadConfig({ ...base, METRICS_TOKEN: 'x'.repeat(32) }).metricsToken, 'x'.repeat(32));
  assert.throws(() => loadConfig({ ...base, METRICS_TOKEN: 'short' }), ConfigError);
});

test('the tenant cache has a budget in MiB and a TTL in seconds, with defaults', () => {
  const third = Math.floor(getHeapStatistics().heap_size_limit / 3 / 1024 / 1024);
  assert.ok(third > 100, `${third} MiB`);
  assert.deepEqual(loadConfig(base).cache, { maxBytes: third * 1024 * 1024, ttlMs: 600_000 });
  assert.deepEqual(loadConfig({ ...base, CACHE_MAX_MB: '1024', CACHE_TTL_SECONDS: '300' }).cache, {
    maxBytes: 1024 * 1024 * 1024,
    ttlMs: 300_000,
  });
  for (const [name, wrong] of [
    ['CACHE_MAX_MB', '0'],
    ['CACHE_MAX_MB', '1.5'],
    ['CACHE_MAX_MB', 'lots'],
    ['CACHE_TTL_SECONDS', '0'],
    ['CACHE_TTL_SECONDS', '-60'],
  ] as const) {
    assert.throws(() => loadConfig({ ...base, [name]: wrong }), ConfigError, `${name}=${wrong}`);
  }
});

test('maps get OpenStreetMap tiles and their attribution by default, never in tests; none turns them off', () => {
  const dev = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://' });
  assert.equal(dev.map.tileUrl, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  assert.match(
    dev.map.attribution,
    /© <a href="https:\/\/www\.openstreetmap\.org\/copyright">OpenStreetMap<\/a> contributors|&copy; <a href="https:\/\/www\.openstreetmap\.org\/copyright">OpenStreetMap<\/a> contributors/,
  );
  assert.equal(loadConfig(base).map.tileUrl, undefined, 'a test never reaches a real tile server');
  const off = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://', MAP_TILE_URL: 'none' });
  assert.equal(off.map.tileUrl, undefined);
  const own = loadConfig({
    ...base,
    MAP_TILE_URL: 'https://{s}.tiles.example.id/{z}/{x}/{y}.png',
    MAP_TILE_ATTRIBUTION: '© Peta Kota',
  });
  assert.equal(own.map.tileUrl, 'https://{s}.tiles.example.id/{z}/{x}/{y}.png');
  assert.equal(own.map.attribution, '© Peta Kota');
  // Another server's tiles do not carry OpenStreetMap's attribution unless told.
  assert.equal(
    loadConfig({ ...base, MAP_TILE_URL: 'https://tiles.example.id/{z}/{x}/{y}.png' }).map.attribution,
    '',
  );
  assert.throws(
    () => loadConfig({ ...base, MAP_TILE_URL: 'https://tiles.example.id/peta.png' }),
    (e: unknown) => e instanceof ConfigError && /MAP_TILE_URL/.test(e.message),
  );
});

test('LOG_FORMAT is a readable line outside production and JSON in production; anything else is refused', () => {
  assert.equal(loadConfig(base).logFormat, 'line');
  assert.equal(loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://' }).logFormat, 'line');
  const production = { NODE_ENV: 'production', DATA_DIR: 'memory://', SMTP_URL: 'smtp://mail.example:587' };
  assert.equal(loadConfig(production).logFormat, 'json');
  assert.equal(loadConfig({ ...production, LOG_FORMAT: 'line' }).logFormat, 'line');
  assert.equal(loadConfig({ ...base, LOG_FORMAT: 'json' }).logFormat, 'json');
  assert.throws(
    () => loadConfig({ ...base, LOG_FORMAT: 'pretty' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 1 &&
      /LOG_FORMAT must be line .* or json \(got "pretty"\)/.test(error.problems[0]!),
  );
});

test('DATABASE_REPLICA_URL names a PostgreSQL replica of DATABASE_URL, with the lag it may have', () => {
  const primary = { ...base, DATABASE_URL: 'postgres://balai@db1/balai' };
  assert.equal(loadConfig(primary).databaseReplica, undefined);
  assert.deepEqual(
    loadConfig({ ...primary, DATABASE_REPLICA_URL: 'postgres://balai@db2/balai' }).databaseReplica,
    {
      url: 'postgres://balai@db2/balai',
      maxLagMs: 30_000,
    },
  );
  assert.equal(
    loadConfig({
      ...primary,
      DATABASE_REPLICA_URL: 'postgresql://balai@db2/balai',
      DATABASE_REPLICA_MAX_LAG_SECONDS: '5',
    }).databaseReplica?.maxLagMs,
    5_000,
  );
  // Not a PostgreSQL URL; a replica without a primary (the embedded database); a lag of nothing.
  for (const [env, problem] of [
    [{ ...primary, DATABASE_REPLICA_URL: 'mysql://db2/balai' }, /DATABASE_REPLICA_URL must start/],
    [{ ...base, DATABASE_REPLICA_URL: 'postgres://db2/balai' }, /DATABASE_URL is not/],
    [
      { ...primary, DATABASE_REPLICA_URL: 'postgres://db2/balai', DATABASE_REPLICA_MAX_LAG_SECONDS: '0' },
      /DATABASE_REPLICA_MAX_LAG_SECONDS must be an integer/,
    ],
  ] as const) {
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => error instanceof ConfigError && problem.test(error.message),
    );
  }
});
