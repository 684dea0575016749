import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../platform/config.ts';
import { redactQuery } from '../platform/http/request-log.ts';
import type { Platform } from '../platform/platform.ts';
import { withoutSecrets } from './portal/kit.tsx';
import { contentSecurityPolicy, scriptJson, tileSource } from './serve.ts';

test('a tile template becomes the CSP source of its host, {s} as a wildcard label', () => {
  assert.equal(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png'), 'https://*.tile.example.org');
  assert.equal(tileSource('https://tiles10.example.id/{z}/{x}/{y}.png'), 'https://tiles10.example.id');
  assert.equal(tileSource('http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png'), 'http://10.0.0.5:8080');
  assert.equal(tileSource('not a url'), '');
});

test('the pages let in images from exactly the configured tile host: OpenStreetMap by default', () => {
  const imgSrc = (env: Record<string, string>) =>
    contentSecurityPolicy({ config: loadConfig({ DATA_DIR: 'memory://', ...env }) } as Platform)
      .split('; ')
      .find((d) => d.startsWith('img-src'));
  assert.equal(
    imgSrc({ NODE_ENV: 'development' }),
    "img-src 'self' data: blob: https://tile.openstreetmap.org",
  );
  assert.equal(
    imgSrc({ NODE_ENV: 'development', MAP_TILE_URL: 'https://peta.kota.go.id/tiles/{z}/{x}/{y}.png' }),
    "img-src 'self' data: blob: https://peta.kota.go.id",
  );
  assert.equal(imgSrc({ NODE_ENV: 'development', MAP_TILE_URL: 'none' }), "img-src 'self' data: blob:");
});

test('JSON in a script element cannot close it', () => {
  const text = scriptJson({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  assert.ok(!text.includes('</script'));
  assert.ok(!text.includes('\u2028'));
  assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script>', sep: '\u2028' });
});

test('a reset token never reaches a log line or a sign-in link', () => {
  assert.equal(
    redactQuery('/t/x/atur-sandi?token=abc_123&lang=en'),
    '/t/x/atur-sandi?token=[redacted]&lang=en',
  );
  assert.equal(redactQuery('/t/x/laporan?q=token'), '/t/x/laporan?q=token');
  assert.equal(withoutSecrets('/t/x/atur-sandi?token=abc'), '/t/x/atur-sandi');
  assert.equal(withoutSecrets('/t/x/atur-sandi?lang=en&token=abc'), '/t/x/atur-sandi?lang=en');
  assert.equal(withoutSecrets('/t/x/atur-sandi?token=abc&lang=en'), '/t/x/atur-sandi?lang=en');
  assert.equal(withoutSecrets('/t/x/laporan?q=a'), '/t/x/laporan?q=a');
});
