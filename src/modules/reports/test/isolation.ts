/**
 * The reports app in the tenant isolation suite (test/isolation.test.ts): a sample for each of its
 * mutations, and B's report with a photo and its secret, which nothing on A may reach or change.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { IsolationFixture } from '../../../../test/support/isolation.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';

const REPORT = { type: 'complaint', category: 'roads', description: 'Jalan rusak di A', address: 'Jl. A' };
/** A valid body for each report action (one route each). */
const ACTION_SAMPLES = Object.fromEntries(
  Object.entries({
    verify: { note: 'Diperiksa' },
    request_info: { note: 'Mohon foto' },
    add_info: { note: 'Tambahan', secret: 'B_SECRET' },
    mark_duplicate: { duplicateOf: 'B_TRACKING' },
    reject: { reason: 'not_a_report', note: 'Bukan laporan' },
    refer: { targetTenant: 'kota-a', note: 'Wilayah lain' },
    dispose: { agencyId: 'B_AGENCY', note: 'Tolong' },
    hand_on: { agencyId: 'B_AGENCY', note: 'Teruskan' },
    hand_back: { note: 'Kembali' },
    start: { note: 'Mulai' },
    complete: { note: 'Selesai' },
    send_back: { note: 'Ulangi' },
    close: { note: 'Tutup' },
    confirm: { rating: 5, secret: 'B_SECRET' },
    reopen: { note: 'Buka lagi', secret: 'B_SECRET' },
  }).map(([action, body]) => [`POST /api/v1/reports/{id}/actions/${action}`, body]),
);
const OPEN311 = { service_code: 'roads', address_string: 'Jl. A', description: 'Jalan rusak di A' };

const fixture: IsolationFixture = {
  samples: {
    'POST /api/v1/reports': REPORT,
    'POST /api/v1/reports/inbound/messaging': {
      messageId: 'm-1',
      from: '6281234567890',
      text: '#roads Jalan rusak di A',
    },
    'PATCH /api/v1/reports/settings': { minStatsSample: 3 },
    'PUT /api/v1/reports/categories/{code}': { name: { id: 'Jalan', en: 'Roads' }, agencyId: 'B_AGENCY' },
    ...ACTION_SAMPLES,
    'POST /api/v1/reports/{id}/progress': { note: 'Dikerjakan' },
    'POST /api/v1/reports/{id}/info': { note: 'Tambahan', secret: 'B_SECRET' },
    'POST /api/v1/reports/{id}/rating': { rating: 5, secret: 'B_SECRET' },
    'POST /api/v1/reports/{id}/followers': { email: 'pemantau@example.id' },
    'POST /api/v1/reports/area-followers': {
      lat: -6.2,
      lng: 106.6,
      radiusM: 1000,
      email: 'pemantau@example.id',
    },
    'POST /api/v1/reports/followers/confirm': { token: 'B_FOLLOWTOKEN' },
    'POST /api/v1/reports/followers/stop': { token: 'B_FOLLOWTOKEN' },
    'POST /open311/v2/requests.json': OPEN311,
    'POST /open311/v2/requests.xml': OPEN311,
  },
  // The reporter proves the report is theirs with its secret.
  anonymousWrites: [
    'POST /api/v1/reports',
    'POST /api/v1/reports/{id}/info',
    'POST /api/v1/reports/{id}/rating',
    // Following needs an address, not an account; confirming and stopping need the link's token.
    'POST /api/v1/reports/{id}/followers',
    'POST /api/v1/reports/area-followers',
    'POST /api/v1/reports/followers/confirm',
    'POST /api/v1/reports/followers/stop',
    'POST /api/v1/reports/{id}/actions/add_info',
    'POST /api/v1/reports/{id}/actions/confirm',
    'POST /api/v1/reports/{id}/actions/reopen',
  ],
  signedInReads: ['GET /api/v1/reports/officers'],
  async setup({ t, a, b }) {
    for (const tenant of [a, b]) {
      const cat = await t.app.inject({
        method: 'PUT',
        url: `/t/${tenant.slug}/api/v1/reports/categories/roads`,
        headers: tenant.admin,
        payload: { name: { id: 'Jalan', en: 'Roads' } },
      });
      assert.equal(cat.statusCode, 200, cat.body);
    }
    // B's report, with a photo, filed anonymously.
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const boundary = '----isolation';
    const form = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\ncomplaint\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nroads\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nLaporan Rahasia B di jalan\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="address"\r\n\r\nJl. Rahasia B\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const report = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/reports`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form,
    });
    assert.equal(report.statusCode, 201, report.body);
    const { id, trackingNo, secret } = report.json() as { id: string; trackingNo: string; secret: string };
    const view = await t.app.inject({ url: `/t/${b.slug}/api/v1/reports/${id}` });
    assert.equal(view.statusCode, 200, view.body);
    const photoId = (view.json() as { photos: { id: string }[] }).photos[0]!.id;
    // A visitor follows B's report: the token of B's confirmation link must do nothing on A.
    const follow = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/reports/${id}/followers`,
      payload: { email: 'pemantau-b@example.id' },
    });
    assert.equal(follow.statusCode, 201, follow.body);
    const [confirmation] = await t.platform.inTenant(b.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select('body')
        .where('tenant_id', '=', b.id)
        .where('recipient', '=', 'pemantau-b@example.id')
        .execute(),
    );
    const followToken = /\/ikuti\/konfirmasi\/(\S+)/.exec(confirmation!.body)![1]!;
    return {
      B_REPORT: id,
      B_TRACKING: trackingNo,
      B_SECRET: secret,
      B_PHOTO: photoId,
      B_FOLLOWTOKEN: followToken,
    };
  },
  leaks: ['Laporan Rahasia B'],
  fill(path, ids) {
    if (!path.startsWith('/api/v1/reports') && !path.startsWith('/open311/')) return undefined;
    return path
      .replace('{id}', ids.B_REPORT!)
      .replace('{photoId}', ids.B_PHOTO!)
      .replace('{code}', 'roads')
      .replace('{service_code}', 'roads')
      .replace('{service_request_id}', ids.B_TRACKING!)
      .replace('{token_id}', ids.B_REPORT!);
  },
  query(path, ids) {
    if (path === '/api/v1/reports/officers') return `?agency=${ids.B_AGENCY}`;
    return undefined;
  },
};

export default fixture;
