/**
 * What the Open311 GeoReport v2 interface says, as plain values (the JSON; the XML is written from
 * them): W3C date-times in the tenant's offset, services and their definitions from the report
 * categories, service requests from public reports, the discovery document. Pure: no database.
 */
import type { TFunction } from 'i18next';
import type { VerifiedTenant } from '../../../platform/sdk/index.ts';
import { utcOffsetMinutes, zoneName } from '../../../platform/sdk/shared.ts';
import { open311Status, REPORT_TYPES, type Status, stageOf } from '../lifecycle.ts';
import type { CategoryRow } from '../services/config.ts';
import type { queryPublicReports } from '../services/lists.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['text/xml', 'application/json'] as const;

export type PublicReportView = Awaited<ReturnType<typeof queryPublicReports>>[number];

// ---------------------------------------------------------------------------------------------
// Dates

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `instant` as a W3C date-time in the zone's offset, to the second: 2026-11-23T10:15:00+07:00. */
export function w3DateTime(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const minutes = utcOffsetMinutes(at, timeZone);
  const local = new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offsetText(minutes)}`;
}

/** `instant` for people to read in the zone: 2026-11-26 16:00 WIB. */
export function localReadable(instant: Date | string, timeZone: string): string {
  const w3 = w3DateTime(instant, timeZone);
  return `${w3.slice(0, 10)} ${w3.slice(11, 16)} ${zoneName(timeZone) ?? `UTC${w3.slice(19) || '+00:00'}`}`;
}

const W3 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads a W3C/ISO 8601 date or date-time (`2026-11-23`, `2026-11-23T10:15`,
 * `2026-11-23T10:15:00Z`, `2026-11-23T10:15:00.5+07:00`). Without an offset it is the tenant's
 * local time, a date alone its midnight. Null when the text is no such moment (2026-02-30 too).
 */
export function parseW3(value: string, timeZone: string): Date | null {
  const m = W3.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  )
    return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(Number(`0${frac}`) * 1000);
  if (zone) {
    if (zone === 'Z') return new Date(wall);
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59) return null;
    return new Date(wall - (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000);
  }
  // Read the wall time in the tenant's zone (Indonesian zones have had one offset for decades).
  return new Date(wall - utcOffsetMinutes(new Date(wall), timeZone) * 60_000);
}

// ---------------------------------------------------------------------------------------------
// Services

/** One category as an Open311 service. */
export function serviceView(
  category: CategoryRow,
  lang: 'id' | 'en',
  agencies: ReadonlyMap<string, string>,
  fallbackGroup: string,
  t: TFunction,
) {
  const name = category.name[lang];
  const agency = category.agencyId ? agencies.get(category.agencyId) : undefined;
  const keywords = [...new Set([category.name.id, category.name.en, category.code])].join(', ');
  return {
    service_code: category.code,
    service_name: name,
    description: agency
      ? t('reports.open311.service.descriptionAgency', { name, agency })
      : t('reports.open311.service.description', { name }),
    metadata: true,
    type: 'realtime',
    keywords,
    group: agency ?? fallbackGroup,
  };
}

/** The attributes every service asks for: the kind of report, and the kelurahan. */
export function serviceDefinition(category: CategoryRow, t: TFunction) {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'report_type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: t('reports.open311.attribute.report_type_hint'),
        order: 1,
        description: t('reports.open311.attribute.report_type'),
        values: REPORT_TYPES.map((key) => ({ key, name: t(`reports.open311.type.${key}`) })),
      },
      {
        variable: true,
        code: 'kelurahan',
        datatype: 'string',
        required: false,
        datatype_description: t('reports.open311.attribute.kelurahan_hint'),
        order: 2,
        description: t('reports.open311.attribute.kelurahan'),
      },
      ...(['confidential', 'anonymous'] as const).map((code, i) => ({
        variable: true,
        code,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: t('reports.open311.attribute.yes_no_hint'),
        order: 3 + i,
        description: t(`reports.open311.attribute.${code}`),
        values: [
          { key: 'true', name: t('reports.open311.attribute.yes') },
          { key: 'false', name: t('reports.open311.attribute.no') },
        ],
      })),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Service requests

/** What is expected to happen next, and by when: null once the report is finished. */
export function serviceNotice(
  report: { status: string; dueAt: string | null; overdue?: boolean; agency: { name: string } | null },
  tenant: VerifiedTenant,
  t: TFunction,
): string | null {
  const status = report.status as Status;
  if (status === 'awaiting_info') return t('reports.open311.notice.awaiting_info');
  const stage = stageOf(status);
  if (!stage || !report.dueAt) return null;
  const due = localReadable(report.dueAt, tenant.timeZone);
  if (report.overdue) return t('reports.open311.notice.overdue', { due });
  if (stage === 'follow_up') {
    return report.agency
      ? t('reports.open311.notice.follow_up', { agency: report.agency.name, due })
      : t('reports.open311.notice.follow_up_unassigned', { due });
  }
  return t(`reports.open311.notice.${stage}`, { due });
}

function statusNotes(r: PublicReportView, t: TFunction): string {
  const status = t(`reports.status.${r.status}`);
  if (r.referredTo) {
    return t('reports.open311.statusNote.referred', {
      status,
      tenant: r.referredTo.name,
      trackingNo: r.referredTo.trackingNo,
    });
  }
  if (r.duplicateOf) return t('reports.open311.statusNote.duplicate', { status, trackingNo: r.duplicateOf });
  return status;
}

/**
 * One public report as an Open311 service request. `origin` (scheme and host) makes the photo's
 * address absolute. `detailed_status` is an extension: Balai's own status code.
 */
export function requestView(r: PublicReportView, tenant: VerifiedTenant, origin: string, t: TFunction) {
  const status = open311Status(r.status as Status);
  const updated = status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt;
  const photo = r.photos.find((p) => p.kind === 'report') ?? r.photos[0];
  return {
    service_request_id: r.trackingNo,
    status,
    status_notes: statusNotes(r, t),
    service_name: r.category.name,
    service_code: r.category.code,
    description: r.description,
    agency_responsible: r.agency?.name ?? null,
    service_notice: serviceNotice(r, tenant, t),
    requested_datetime: w3DateTime(r.createdAt, tenant.timeZone),
    updated_datetime: w3DateTime(updated, tenant.timeZone),
    expected_datetime: r.dueAt ? w3DateTime(r.dueAt, tenant.timeZone) : null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: photo ? `${origin}${photo.url}` : null,
    detailed_status: r.status,
  };
}

// ---------------------------------------------------------------------------------------------
// Discovery

export function discoveryView(input: {
  tenant: VerifiedTenant;
  url: string;
  home: string;
  changeset: Date | null;
  production: boolean;
  t: TFunction;
}) {
  const { tenant, t } = input;
  // Before any category exists the document has never changed: the epoch sorts first.
  const changeset = w3DateTime(input.changeset ?? new Date(0), tenant.timeZone);
  return {
    changeset,
    contact: t('reports.open311.discovery.contact', { tenant: tenant.name, url: input.home }),
    key_service: t('reports.open311.discovery.key_service', {
      tenant: input.home,
      tokens: `${input.home}/api/v1/api-tokens`,
    }),
    endpoints: [
      {
        specification: SPECIFICATION,
        url: input.url,
        changeset,
        type: input.production ? 'production' : 'test',
        formats: [...FORMATS],
      },
    ],
  };
}
