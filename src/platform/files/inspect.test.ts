import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { IMAGE_TYPES, ImageRejectedError, inspectUpload, normalizeImage } from './inspect.ts';

const DOCS = { maxBytes: 5_000_000, allowed: [...IMAGE_TYPES, 'application/pdf'] };
const text = (s: string) => new TextEncoder().encode(s);

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Budi Santoso</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

/** A solid image of the given size and colour, encoded in `format`. */
function solid(width: number, height: number, format: 'jpeg' | 'png' | 'webp', background = '#3366cc') {
  return sharp({ create: { width, height, channels: 3, background } })
    .toFormat(format)
    .toBuffer();
}

/**
 * A 3000×2000 phone-style JPEG: stored top half red, bottom half blue, EXIF orientation 6 (display
 * rotated 90° clockwise), camera make and a GPS position (Jakarta), an XMP packet and a Display P3
 * ICC profile. Metadata is written on this fixture only.
 */
async function phonePhoto(): Promise<Buffer> {
  const red = await solid(3000, 1000, 'png', '#ff0000');
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'BalaiPhone', Model: 'Kamera 9000', Copyright: 'Budi Santoso' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 12/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 49/1 0/1',
      },
    })
    .withXmp(XMP)
    .withIccProfile('p3')
    .toBuffer();
}

/** RGB of the pixel at (x, y). */
async function pixel(image: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

const near = (actual: number[], expected: number[]) =>
  assert.ok(
    actual.every((v, i) => Math.abs(v - expected[i]!) <= 24),
    `${actual} ≈ ${expected}`,
  );

// ---------------------------------------------------------------------------------------------------
// inspectUpload

test('inspectUpload detects images by content', async () => {
  assert.deepEqual(await inspectUpload(await solid(8, 8, 'jpeg'), DOCS), {
    ok: true,
    mime: 'image/jpeg',
    ext: 'jpg',
  });
  assert.deepEqual(await inspectUpload(await solid(8, 8, 'png'), DOCS), {
    ok: true,
    mime: 'image/png',
    ext: 'png',
  });
  assert.deepEqual(await inspectUpload(await solid(8, 8, 'webp'), DOCS), {
    ok: true,
    mime: 'image/webp',
    ext: 'webp',
  });
});

test('inspectUpload: a PNG "renamed .jpg" is a PNG; allowed list is by detected type', async () => {
  // There is no name or declared type to pass: only the bytes count.
  const png = await solid(8, 8, 'png');
  assert.deepEqual(await inspectUpload(png, DOCS), { ok: true, mime: 'image/png', ext: 'png' });
  assert.deepEqual(await inspectUpload(png, { maxBytes: 1e6, allowed: ['image/jpeg'] }), {
    ok: false,
    reason: 'type_not_allowed',
    detected: 'image/png',
  });
});

test('inspectUpload: a PDF header is a PDF', async () => {
  const pdf = text(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
  assert.deepEqual(await inspectUpload(pdf, DOCS), { ok: true, mime: 'application/pdf', ext: 'pdf' });
  assert.deepEqual(await inspectUpload(pdf, { maxBytes: 1e6, allowed: IMAGE_TYPES }), {
    ok: false,
    reason: 'type_not_allowed',
    detected: 'application/pdf',
  });
});

test('inspectUpload: text, HTML and garbage have no known type', async () => {
  for (const body of [
    text('Nama,NIK\nBudi,3171xxxxxxxxxxxx\n'),
    text('<html><script>alert(1)</script></html>'),
    new Uint8Array([0x00, 0x13, 0x37, 0x42, 0x99, 0xfe]),
  ]) {
    assert.deepEqual(await inspectUpload(body, DOCS), { ok: false, reason: 'unknown_type' });
  }
});

test('inspectUpload: empty and too large are rejected, size first', async () => {
  assert.deepEqual(await inspectUpload(new Uint8Array(0), DOCS), { ok: false, reason: 'empty' });
  const jpeg = await solid(64, 64, 'jpeg');
  assert.deepEqual(await inspectUpload(jpeg, { ...DOCS, maxBytes: jpeg.length - 1 }), {
    ok: false,
    reason: 'too_large',
  });
  assert.equal((await inspectUpload(jpeg, { ...DOCS, maxBytes: jpeg.length })).ok, true);
  // Too large is decided on length alone, even for bytes that are not a file at all.
  assert.deepEqual(await inspectUpload(new Uint8Array(11), { maxBytes: 10, allowed: [] }), {
    ok: false,
    reason: 'too_large',
  });
  assert.deepEqual(await inspectUpload(new Uint8Array(0), { maxBytes: -1, allowed: [] }), {
    ok: false,
    reason: 'too_large',
  });
});

// ---------------------------------------------------------------------------------------------------
// normalizeImage

test('normalizeImage: phone photo is rotated, capped at 2048 and stripped of all metadata', async () => {
  const input = await phonePhoto();
  const before = await sharp(input).metadata();
  // The fixture really carries what must be removed.
  assert.equal(before.orientation, 6);
  assert.ok(before.exif?.includes('BalaiPhone'));
  assert.ok(before.exif?.includes(Buffer.from([0x25, 0x88])), 'GPS IFD pointer (tag 0x8825)');
  assert.ok(before.xmp?.includes('Budi Santoso'));
  assert.ok(before.icc);

  const out = await normalizeImage(input);
  assert.equal(out.mime, 'image/jpeg');
  // 3000×2000 shown rotated is 2000×3000, fitted inside 2048×2048.
  assert.equal(out.height, 2048);
  assert.equal(out.width, 1365);

  const after = await sharp(out.bytes).metadata();
  assert.equal(after.format, 'jpeg');
  assert.equal(after.width, 1365);
  assert.equal(after.height, 2048);
  assert.equal(after.exif, undefined);
  assert.equal(after.xmp, undefined);
  assert.equal(after.icc, undefined);
  assert.equal(after.iptc, undefined);
  assert.equal(after.orientation, undefined);
  for (const needle of ['BalaiPhone', 'Budi Santoso', 'Exif\0\0', 'http://ns.adobe.com/xap']) {
    assert.equal(Buffer.from(out.bytes).includes(needle), false, needle);
  }
  // Orientation applied to the pixels: the stored top (red) is now on the right.
  near(await pixel(out.bytes, 100, 1024), [0, 0, 255]);
  near(await pixel(out.bytes, 1265, 1024), [255, 0, 0]);
});

test('normalizeImage: formats are kept, small images are not enlarged', async () => {
  const png = await normalizeImage(await solid(300, 200, 'png'));
  assert.deepEqual([png.mime, png.width, png.height], ['image/png', 300, 200]);
  assert.equal((await sharp(png.bytes).metadata()).format, 'png');

  const webp = await normalizeImage(await solid(1000, 4000, 'webp'), { maxDimension: 500 });
  assert.deepEqual([webp.mime, webp.width, webp.height], ['image/webp', 125, 500]);
  assert.equal((await sharp(webp.bytes).metadata()).format, 'webp');

  const jpeg = await normalizeImage(await solid(640, 480, 'jpeg'));
  assert.deepEqual([jpeg.mime, jpeg.width, jpeg.height], ['image/jpeg', 640, 480]);
});

test('normalizeImage: PNG text chunks and trailing data do not survive', async () => {
  const png = await sharp({ create: { width: 50, height: 50, channels: 4, background: '#ff000080' } })
    .png()
    .withExif({ IFD0: { Artist: 'SecretArtist' } })
    .toBuffer();
  const smuggled = Buffer.concat([png, Buffer.from('<?php system($_GET["c"]); ?>')]);
  const out = await normalizeImage(smuggled);
  assert.equal(out.mime, 'image/png');
  assert.equal(Buffer.from(out.bytes).includes('SecretArtist'), false);
  assert.equal(Buffer.from(out.bytes).includes('<?php'), false);
  assert.equal((await sharp(out.bytes).metadata()).hasAlpha, true);
});

test('normalizeImage: other formats become PNG with alpha (GIF), JPEG without (opaque TIFF)', async () => {
  const tiff = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#00ff00' } })
    .tiff()
    .toBuffer();
  assert.deepEqual(await normalizeImage(tiff).then((o) => [o.mime, o.width, o.height]), [
    'image/jpeg',
    20,
    10,
  ]);
  const gif = await sharp({ create: { width: 20, height: 10, channels: 4, background: '#00ff0000' } })
    .gif()
    .toBuffer();
  const out = await normalizeImage(gif);
  assert.equal(out.mime, 'image/png');
  assert.equal((await sharp(out.bytes).metadata()).format, 'png');
});

test('normalizeImage: garbage, truncated and vector input are unreadable', async () => {
  const jpeg = await solid(400, 300, 'jpeg', '#808080');
  const png = await solid(400, 300, 'png');
  for (const bad of [
    new Uint8Array(0),
    text('definitely not an image'),
    jpeg.subarray(0, Math.floor(jpeg.length / 2)),
    png.subarray(0, Math.floor(png.length / 2)),
    jpeg.subarray(0, 200),
    text(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    ),
    text('%PDF-1.7\n%%EOF\n'),
  ]) {
    await assert.rejects(normalizeImage(bad), (err: unknown) => {
      assert.ok(err instanceof ImageRejectedError);
      assert.equal(err.reason, 'unreadable');
      assert.equal(err.name, 'ImageRejectedError');
      return true;
    });
  }
});

test('normalizeImage: a real 42 MP image is refused as too_many_pixels', async () => {
  // 7000×6000 black PNG: ~400 KB on the wire, 126 MB once decoded to RGB.
  const big = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#000' } })
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  await assert.rejects(normalizeImage(big), { name: 'ImageRejectedError', reason: 'too_many_pixels' });
  // The limit is configurable.
  await assert.rejects(normalizeImage(await solid(100, 100, 'png'), { maxInputPixels: 9_999 }), {
    reason: 'too_many_pixels',
  });
  assert.equal((await normalizeImage(await solid(100, 100, 'png'), { maxInputPixels: 10_000 })).width, 100);
});

/** Minimal PNG chunk: length, type, data, CRC-32. */
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

test('normalizeImage: a decompression bomb (tiny file, 50000×50000 header) is refused unread', async () => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(50_001 * 16)); // a few zero rows; the rest is "to come"
  const bomb = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  assert.ok(bomb.length < 10_000);
  assert.deepEqual(await inspectUpload(bomb, DOCS), { ok: true, mime: 'image/png', ext: 'png' });
  await assert.rejects(normalizeImage(bomb), (err: unknown) => {
    assert.ok(err instanceof ImageRejectedError);
    assert.equal(err.reason, 'too_many_pixels');
    return true;
  });
});

test('normalizeImage: bad options are RangeErrors, not rejections of the image', async () => {
  const png = await solid(10, 10, 'png');
  await assert.rejects(normalizeImage(png, { maxDimension: 0 }), RangeError);
  await assert.rejects(normalizeImage(png, { maxDimension: 1.5 }), RangeError);
  await assert.rejects(normalizeImage(png, { maxInputPixels: -1 }), RangeError);
});
