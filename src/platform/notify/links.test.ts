import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portalLink } from './links.ts';

test('a portal link uses PUBLIC_URL and the slug, or the own domain in production', () => {
  const tenant = { slug: 'bogor', domains: ['lapor.kotabogor.go.id'] };
  assert.equal(
    portalLink({ env: 'development', publicUrl: 'http://localhost:3000' }, tenant, '/laporan/261207-ABCDE'),
    'http://localhost:3000/t/bogor/laporan/261207-ABCDE',
  );
  assert.equal(
    portalLink({ env: 'production', publicUrl: 'https://balai.go.id' }, tenant, '/lacak'),
    'https://lapor.kotabogor.go.id/lacak',
  );
  assert.equal(
    portalLink(
      { env: 'production', publicUrl: 'https://balai.go.id' },
      { slug: 'bogor', domains: [] },
      '/lacak',
    ),
    'https://balai.go.id/t/bogor/lacak',
  );
});
