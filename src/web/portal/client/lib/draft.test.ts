import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Draft,
  draftBody,
  draftFields,
  formatCoordinate,
  hasContent,
  mergePhotos,
  parsePin,
} from './draft.ts';

describe('report form draft', () => {
  test('keeps the text fields and the idempotency key, never the CSRF token or files', () => {
    const form = new FormData();
    form.set('_csrf', 'secret-token');
    form.set('_key', '0b7c7e0e-4d7b-4e8e-9d5e-1f2a3b4c5d6e');
    form.set('description', 'Jalan berlubang');
    form.append('photo', new Blob(['x'], { type: 'image/jpeg' }), 'a.jpg');
    assert.deepEqual(draftFields(form.entries()), {
      _key: '0b7c7e0e-4d7b-4e8e-9d5e-1f2a3b4c5d6e',
      description: 'Jalan berlubang',
    });
  });

  test('an untouched form is not a draft; typed text or a photo is', () => {
    const defaults = { _key: 'k1', type: 'complaint', description: '' };
    assert.equal(hasContent({ _key: 'k2', type: 'complaint', description: '  ' }, [], defaults), false);
    assert.equal(
      hasContent({ _key: 'k2', type: 'complaint', description: 'Lampu mati' }, [], defaults),
      true,
    );
    assert.equal(hasContent({ _key: 'k2', type: 'aspiration' }, [], defaults), true);
    assert.equal(hasContent({ _key: 'k2' }, [{}], defaults), true);
  });

  test("the body sends the draft's fields and photos with the sending page's CSRF token", async () => {
    const draft: Draft = {
      fields: { _key: 'k', description: 'Sampah menumpuk', _csrf: 'old' },
      photos: [{ name: 'p.jpg', type: 'image/jpeg', blob: new Blob(['abc'], { type: 'image/jpeg' }) }],
      queued: true,
      savedAt: new Date(0).toISOString(),
    };
    const body = draftBody(draft, 'fresh');
    assert.equal(body.get('_csrf'), 'fresh');
    assert.equal(body.get('_key'), 'k');
    assert.equal(body.get('description'), 'Sampah menumpuk');
    const photos = body.getAll('photo');
    assert.equal(photos.length, 1);
    const photo = photos[0] as File;
    assert.equal(photo.name, 'p.jpg');
    assert.equal(await photo.text(), 'abc');
  });

  test('added photos follow the earlier ones, without repeats, up to the limit', () => {
    const f = (name: string, size = 1) => ({ name, size, lastModified: 1 });
    assert.deepEqual(
      mergePhotos([f('a'), f('b')], [f('b'), f('c'), f('d')], 3).map((x) => x.name),
      ['a', 'b', 'c'],
    );
    // Same name, other content: another photo.
    assert.equal(mergePhotos([f('a')], [f('a', 2)], 5).length, 2);
  });

  test('coordinates keep six decimals; a pin needs both valid values', () => {
    assert.equal(formatCoordinate(-6.178306123456), '-6.178306');
    assert.equal(formatCoordinate(106.63), '106.63');
    assert.deepEqual(parsePin('-6.2', '106.6'), { lat: -6.2, lng: 106.6 });
    assert.equal(parsePin('', '106.6'), null);
    assert.equal(parsePin('abc', '106.6'), null);
    assert.equal(parsePin('91', '0'), null);
  });
});
