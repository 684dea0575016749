import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeXml, xmlDocument } from './xml.ts';

test('text is escaped and characters XML cannot carry are dropped', () => {
  assert.equal(
    escapeXml(`<script>alert("x" & 'y')</script>`),
    '&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;',
  );
  assert.equal(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f'), 'abcdef');
  assert.equal(escapeXml('baris\nbaru\ttab\r😀'), 'baris\nbaru\ttab\r😀');
});

test('arrays become containers of named items (Spark), null an empty element', () => {
  assert.equal(
    xmlDocument('services', [
      { service_code: 'roads', metadata: true, keywords: null },
      { service_code: 'a&b', metadata: false, keywords: 'x' },
    ]),
    '<?xml version="1.0" encoding="utf-8"?>\n<services>' +
      '<service><service_code>roads</service_code><metadata>true</metadata><keywords/></service>' +
      '<service><service_code>a&amp;b</service_code><metadata>false</metadata><keywords>x</keywords></service>' +
      '</services>\n',
  );
  assert.equal(
    xmlDocument('service_definition', {
      service_code: 'x',
      attributes: [{ order: 1, values: [{ key: 'k', name: 'N' }] }],
    }),
    '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>x</service_code>' +
      '<attributes><attribute><order>1</order><values><value><key>k</key><name>N</name></value></values></attribute></attributes>' +
      '</service_definition>\n',
  );
  assert.equal(xmlDocument('errors', []), '<?xml version="1.0" encoding="utf-8"?>\n<errors></errors>\n');
  assert.equal(
    xmlDocument('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] }),
    '<?xml version="1.0" encoding="utf-8"?>\n<discovery><endpoints><endpoint><formats>' +
      '<format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>\n',
  );
});

test('an array without a known item name or a bad element name is a programming error', () => {
  assert.throws(() => xmlDocument('things', [1]), /no item element name/);
  assert.throws(() => xmlDocument('x', { 'a b': 1 }), /not an XML element name/);
});
