import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DRAFT_TTL_MS,
  type Draft,
  draftBody,
  draftFields,
  draftKey,
  formatCoordinate,
  hasContent,
  mergePhotos,
  parsePin,
  usableDraft,
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
      owner: draftKey('t1', null),
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

  test('a draft is keyed by tenant and person: the signed-in user, or anonymous', () => {
    assert.equal(draftKey('t1', 'u1'), 'draft:t1:u1');
    assert.equal(draftKey('t1', null), 'draft:t1:anon');
    assert.notEqual(draftKey('t1', 'u1'), draftKey('t2', 'u1'));
    assert.notEqual(draftKey('t1', 'u1'), draftKey('t1', 'u2'));
  });

  test("a draft is used only under its owner's key and for 7 days after its last save", () => {
    const now = Date.parse('2025-06-10T08:00:00Z');
    const key = draftKey('t1', 'u1');
    const draft = (savedAt: number, owner = key): Draft => ({
      owner,
      fields: { description: 'Jalan berlubang' },
      photos: [],
      queued: true,
      savedAt: new Date(savedAt).toISOString(),
    });
    assert.equal(DRAFT_TTL_MS, 7 * 24 * 60 * 60 * 1000);
    assert.ok(usableDraft(draft(now), key, now));
    assert.ok(usableDraft(draft(now - DRAFT_TTL_MS + 60_000), key, now), 'six days and 23:59 old');
    assert.equal(usableDraft(draft(now - DRAFT_TTL_MS), key, now), undefined, '7 days old: expired');
    assert.equal(usableDraft(draft(now - 30 * 86_400_000), key, now), undefined);
    // Another person's, another tenant's, anonymous under a user's key: never.
    assert.equal(usableDraft(draft(now, draftKey('t1', 'u2')), key, now), undefined);
    assert.equal(usableDraft(draft(now, draftKey('t2', 'u1')), key, now), undefined);
    assert.equal(usableDraft(draft(now, draftKey('t1', null)), key, now), undefined);
    // A draft of the earlier format (keyed by the form's action, no owner), or not a draft at all.
    const { owner: _, ...old } = draft(now);
    assert.equal(usableDraft(old, key, now), undefined);
    assert.equal(usableDraft(undefined, key, now), undefined);
    assert.equal(usableDraft({ ...draft(now), savedAt: 'yesterday' }, key, now), undefined);
    // A clock far ahead of the save (a device set wrong) is not a way to keep a draft for ever.
    assert.equal(usableDraft(draft(now + 2 * DRAFT_TTL_MS), key, now), undefined);
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
    assert.deepEqual(parsePin('-6,2', ' 106,63 '), { lat: -6.2, lng: 106.63 });
    assert.equal(parsePin('1,2,3', '106'), null);
    assert.equal(parsePin('', '106.6'), null);
    assert.equal(parsePin('abc', '106.6'), null);
    assert.equal(parsePin('91', '0'), null);
  });
});
