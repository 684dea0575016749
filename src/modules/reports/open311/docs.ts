/**
 * The API reference of the Open311 routes: each answer in JSON and XML with an example (the XML one
 * written by the same serialiser as the answers), and the spec's error lists. Documentation only:
 * the routes send strings, which Fastify does not serialise.
 */
import { Type } from 'typebox';
import { type XmlValue, xmlDocument } from './xml.ts';

type Format = 'json' | 'xml';

const REQUEST = {
  service_request_id: '261204-H3KQ7',
  status: 'open',
  status_notes: 'Diteruskan ke Dinas Pekerjaan Umum.',
  service_name: 'Jalan rusak',
  service_code: 'roads',
  description: 'Lubang besar di depan pasar.',
  agency_responsible: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  service_notice: 'Target tindak lanjut: 11 Des 2026.',
  requested_datetime: '2026-12-04T09:10:00+07:00',
  updated_datetime: '2026-12-04T11:00:00+07:00',
  expected_datetime: '2026-12-11T16:00:00+07:00',
  address: 'Jl. Dewi Sartika, Bogor Tengah',
  address_id: null,
  zipcode: null,
  lat: -6.5971,
  long: 106.7972,
  media_url: null,
  detailed_status: 'disposed',
};

/** Each Open311 route's words and example, by the element its answer is. */
export const OPEN311_DOCS = {
  discovery: {
    description:
      'Where and how to call this Open311 endpoint: the specification, its URL, formats and when its services last changed.',
    example: {
      changeset: '2026-12-01T08:00:00+07:00',
      contact: 'Kota Bogor: https://bogor.balai.example',
      key_service: 'Minta token API di https://bogor.balai.example/api/v1/api-tokens',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://bogor.balai.example/open311/v2',
          changeset: '2026-12-01T08:00:00+07:00',
          type: 'production',
          formats: ['json', 'xml'],
        },
      ],
    },
  },
  services: {
    description:
      'The services (report categories) a request may be filed under, with their group and whether they take attributes.',
    example: [
      {
        service_code: 'roads',
        service_name: 'Jalan rusak',
        description: 'Jalan berlubang atau rusak',
        metadata: true,
        type: 'realtime',
        keywords: 'jalan',
        group: 'LAKSA',
      },
    ],
  },
  service_definition: {
    description:
      'The attributes a request of this service takes (report type, kelurahan), with their allowed values.',
    example: {
      service_code: 'roads',
      attributes: [
        {
          variable: true,
          code: 'report_type',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: 'Jenis laporan',
          order: 1,
          description: 'Jenis laporan',
          values: [{ key: 'complaint', name: 'Pengaduan' }],
        },
      ],
    },
  },
  service_requests: {
    description:
      'Public reports as service requests: the tracking number is `service_request_id`. Paged with `page` and `page_size`.',
    example: [REQUEST],
  },
  service_request: {
    description:
      'One public report, by its tracking number, as a list of one service request (as the spec has it).',
    example: [REQUEST],
  },
  token: {
    description:
      'The tracking number of a report from its id (Balai files synchronously, so the id is the token).',
    example: [{ service_request_id: '261204-H3KQ7', token: '7d0c3f52-2b8e-4a61-9f0d-3c5e8a1b2d47' }],
  },
  created: {
    description:
      'Files a report from an Open311 client with an API key of the tenant (`api_key` field or `Authorization: Bearer`). ' +
      'Filed at once (`realtime`): the answer has the tracking number and `Location` its request. A retry with the same `Idempotency-Key` files once.',
    example: [
      {
        service_request_id: '261204-H3KQ7',
        service_notice: 'Target verifikasi: 9 Des 2026.',
        account_id: null,
      },
    ],
  },
} as const;

const ROOTS: Record<keyof typeof OPEN311_DOCS, string> = {
  discovery: 'discovery',
  services: 'services',
  service_definition: 'service_definition',
  service_requests: 'service_requests',
  service_request: 'service_requests',
  token: 'service_requests',
  created: 'service_requests',
};

const ERROR_EXAMPLE = [{ code: 404, description: 'Layanan tidak ditemukan.' }];

/** An answer in the route's format: JSON with its example, or the same as an XML document. */
function answer(format: Format, description: string, root: string, example: unknown) {
  return format === 'json'
    ? { description, content: { 'application/json': { schema: Type.Unknown(), example } } }
    : {
        description,
        content: { 'text/xml': { schema: Type.String(), example: xmlDocument(root, example as XmlValue) } },
      };
}

/** The `response` of an Open311 route: its success and the spec's error lists. */
export function open311Answers(kind: keyof typeof OPEN311_DOCS, format: Format, status = 200) {
  const doc = OPEN311_DOCS[kind];
  const error = (why: string) => answer(format, why, 'errors', ERROR_EXAMPLE);
  return {
    [status]: answer(format, 'Success', ROOTS[kind], doc.example),
    400: error('Invalid input or jurisdiction, as the spec’s list of errors `[{code, description}]`'),
    403: error('A missing, unknown or revoked API key'),
    404: error('The tenant (jurisdiction), service or request is unknown, or LAKSA is not live there'),
    ...(status === 201 ? { 413: error('The body is over 1 MB'), 415: error('Not a form or JSON body') } : {}),
    429: error('Too many requests: wait for `retry-after` seconds'),
    503: error('The database is unavailable for a moment'),
  };
}
