/**
 * Open311's XML, written from the same values as its JSON. GeoReport v2 defines the JSON as the
 * Spark mapping of the XML: an array is a container element whose children all carry one name
 * (`<services><service>…`), an object is an element with one child element per key, null is an
 * empty element. Text is escaped, and characters XML 1.0 cannot carry are dropped, so any
 * description (`<script>`, `&`, control characters) stays well-formed.
 */

export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | XmlObject;
export type XmlObject = { readonly [key: string]: XmlValue };

/** The element name of an array's items, by the array's own element name (GeoReport v2, Service Discovery). */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Tabs, line breaks and everything from U+0020 are allowed, except lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content (and attribute values). */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: XmlValue): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element name for the array ${name}`);
    return `<${name}>${value.map((v) => element(item, v as XmlValue)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as XmlObject)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the XML declaration, then `value` as the element `root`. */
export function xmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
