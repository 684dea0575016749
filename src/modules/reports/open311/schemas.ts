/** Schemas of the Open311 arguments: for validation of sizes and for the OpenAPI document. */
import { Type } from 'typebox';

const text = (maxLength: number, description?: string) =>
  Type.Optional(Type.String({ maxLength, ...(description ? { description } : {}) }));
const many = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ maxLength: 20_000 }), {
      maxItems: 50,
      description: `${description} (comma-separated)`,
    }),
  );
const common = {
  jurisdiction_id: text(
    253,
    'The tenant: its slug or one of its domains. Required at /open311/v2, optional under /t/{tenant}',
  ),
  lang: text(5, 'id or en (else Accept-Language)'),
};
export const JurisdictionQuery = Type.Object(common, { additionalProperties: true });
export const RequestsQuery = Type.Object(
  {
    ...common,
    service_request_id: many('Tracking numbers; override every other argument'),
    service_code: many('Category codes'),
    start_date: text(40, 'W3C date-time; the window is at most 90 days (default: the last 90)'),
    end_date: text(40, 'W3C date-time'),
    status: many('open, closed'),
    page: text(9, 'Extension: page number from 1'),
    page_size: text(9, 'Extension: items per page, 1–1000 (default 1000)'),
  },
  { additionalProperties: true },
);
const attributeText = (description: string) => text(200, description);
export const NewRequestBody = Type.Object(
  {
    jurisdiction_id: common.jurisdiction_id,
    api_key: text(200, 'A Balai API token of the tenant (balai_…); or send Authorization: Bearer'),
    service_code: text(40),
    lat: text(40),
    long: text(40),
    address_string: text(300),
    address_id: text(200, 'Not supported: this platform has no address repository'),
    'attribute[report_type]': attributeText('aspiration, complaint (default) or information_request'),
    'attribute[kelurahan]': attributeText('Kelurahan or village'),
    'attribute[confidential]': attributeText(
      'true: the report is never public (only the reporter and staff see it)',
    ),
    'attribute[anonymous]': attributeText("true: the reporter's identity is hidden from staff"),
    attribute: Type.Optional(
      Type.Record(Type.String(), Type.String({ maxLength: 200 }), {
        description: 'JSON form of the attributes: {"report_type": "…", "kelurahan": "…"}',
      }),
    ),
    email: text(254),
    device_id: text(200, 'Ignored'),
    account_id: text(200, 'Echoed in the answer'),
    first_name: text(60),
    last_name: text(60),
    phone: text(30),
    description: text(4000),
    media_url: text(2000, 'Kept as a note for staff; never fetched'),
  },
  {
    additionalProperties: true,
    examples: [
      {
        jurisdiction_id: 'kota-tangerang',
        service_code: 'jalan-rusak',
        lat: '-6.1852',
        long: '106.6821',
        address_string: 'Jl. KH Hasyim Ashari No. 12, Cipondoh',
        'attribute[kelurahan]': 'Cipondoh Indah',
        first_name: 'Budi',
        last_name: 'Santoso',
        phone: '081234567890',
        description: 'Jalan berlubang cukup dalam di depan SDN Cipondoh 3, membahayakan pengendara motor.',
      },
    ],
  },
);
export const CodeParams = Type.Object({ service_code: Type.String({ maxLength: 40 }) });
export const RequestParams = Type.Object({ service_request_id: Type.String({ maxLength: 64 }) });
export const TokenParams = Type.Object({ token_id: Type.String({ maxLength: 64 }) });
