/** Agreement documents: a signed PDF is stored and served back; anything else is refused and nothing changes. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  makeStaff,
  makeTenant,
  multipartFile,
  startTest,
  type TestContext,
  tinyPdf,
} from './support/harness.ts';

describe(`agreement documents (${DB_KIND})`, () => {
  let t: TestContext;
  let auth: Record<string, string>;
  let agreementId: string;
  before(async () => {
    t = await startTest();
    const tenant = await makeTenant(t.platform, 'kabupaten-dokumen');
    const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    auth = await bearerFor(t.app, 'kabupaten-dokumen', admin.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/kabupaten-dokumen/api/v1/agreements',
      headers: auth,
      payload: {
        kind: 'pks',
        number: 'PKS/12/2026',
        signedOn: '2026-05-07',
        signatories: [
          { name: 'Bupati', title: 'Bupati', party: 'Kabupaten Dokumen' },
          { name: 'Wali Kota', title: 'Wali Kota', party: 'Kota Asal' },
        ],
      },
    });
    agreementId = res.json().id;
  });
  after(() => t.close());

  const url = () => `/t/kabupaten-dokumen/api/v1/agreements/${agreementId}/document`;
  const put = (body: ReturnType<typeof multipartFile>) =>
    t.app.inject({ method: 'PUT', url: url(), headers: { ...auth, ...body.headers }, payload: body.payload });

  test('a PDF is stored and comes back byte for byte', async () => {
    const pdf = tinyPdf('ditandatangani 7 Mei 2018');
    assert.equal((await put(multipartFile('file', 'pks.pdf', 'application/pdf', pdf))).statusCode, 204);
    const res = await t.app.inject({ url: url(), headers: auth });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /PKS_12_2026\.pdf/);
    assert.deepEqual(res.rawPayload, Buffer.from(pdf));
    const list = (
      await t.app.inject({ url: '/t/kabupaten-dokumen/api/v1/agreements', headers: auth })
    ).json();
    assert.equal(list.items[0].hasDocument, true);
  });

  test('a file that is not a PDF by content is refused, whatever its name says', async () => {
    const before = (await t.app.inject({ url: url(), headers: auth })).rawPayload;
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const res = await put(multipartFile('file', 'surat.pdf', 'application/pdf', html));
    assert.equal(res.statusCode, 415);
    const empty = await put(multipartFile('file', 'kosong.pdf', 'application/pdf', new Uint8Array()));
    assert.equal(empty.statusCode, 415);
    assert.deepEqual(
      (await t.app.inject({ url: url(), headers: auth })).rawPayload,
      before,
      'the stored document did not change',
    );
  });

  test('an oversized upload is a 413 and a JSON body a 415', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(tinyPdf('besar'));
    assert.equal((await put(multipartFile('file', 'besar.pdf', 'application/pdf', big))).statusCode, 413);
    const json = await t.app.inject({ method: 'PUT', url: url(), headers: auth, payload: { file: 'x' } });
    assert.equal(json.statusCode, 415);
  });

  test('an unknown agreement is a 404; a broken multipart body a 400', async () => {
    const body = multipartFile('file', 'a.pdf', 'application/pdf', tinyPdf('x'));
    const res = await t.app.inject({
      method: 'PUT',
      url: '/t/kabupaten-dokumen/api/v1/agreements/0190aaaa-0000-7000-8000-000000000000/document',
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
    assert.equal(res.statusCode, 404);
    const other = multipartFile('file', 'a.pdf', 'application/pdf', tinyPdf('x'));
    const broken = await t.app.inject({
      method: 'PUT',
      url: url(),
      headers: { ...auth, ...other.headers },
      payload: body.payload,
    });
    assert.equal(broken.statusCode, 400);
  });
});
