/** An Open311 POST service request's arguments, read as a new report (the spec's names, Balai's checks). */
import { validate } from '../../../platform/sdk/index.ts';
import { REPORT_TYPES, type ReportType } from '../lifecycle.ts';
import { NewReport, type NewReportInput } from '../schemas.ts';
import { arg, Open311Error } from './params.ts';

export type Body = Record<string, unknown>;

/** An attribute as a form sends it (`attribute[code]=v`) or as JSON (`{"attribute": {"code": v}}`). */
function attribute(body: Body, code: string): string | undefined {
  return arg(body, `attribute[${code}]`) ?? arg(body.attribute, code);
}

/** A yes/no attribute (`true` or `false`, any case); absent: undefined. */
function yesNo(body: Body, code: 'confidential' | 'anonymous'): boolean | undefined {
  const value = attribute(body, code)?.toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw new Open311Error(400, 'yes_no', { code });
  return value === 'true';
}

function numberOrText(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Reads a POST's arguments; what NewReport checks (lengths, formats) is left to it. */
export function newReportOf(body: Body): { input: NewReportInput; mediaUrl?: string; accountId?: string } {
  const category = arg(body, 'service_code');
  if (!category) throw new Open311Error(400, 'service_code_missing');
  const type = (attribute(body, 'report_type')?.toLowerCase() ?? 'complaint') as ReportType;
  if (!REPORT_TYPES.includes(type)) {
    throw new Open311Error(400, 'report_type', { allowed: REPORT_TYPES.join(', ') });
  }
  const lat = arg(body, 'lat');
  const lng = arg(body, 'long');
  const address = arg(body, 'address_string');
  if (lat === undefined && lng === undefined && !address) {
    throw new Open311Error(400, arg(body, 'address_id') ? 'address_id' : 'location_missing');
  }
  const mediaUrl = arg(body, 'media_url');
  if (mediaUrl !== undefined && !isWebUrl(mediaUrl)) throw new Open311Error(400, 'media_url');
  const name = [arg(body, 'first_name'), arg(body, 'last_name')].filter(Boolean).join(' ');
  const phone = arg(body, 'phone')?.replace(/[\s().-]/g, '');
  const candidate: Record<string, unknown> = {
    type,
    category,
    description: arg(body, 'description') ?? '',
    lat: numberOrText(lat),
    lng: numberOrText(lng),
    address,
    kelurahan: attribute(body, 'kelurahan'),
    name: name || undefined,
    email: arg(body, 'email'),
    phone,
    confidential: yesNo(body, 'confidential'),
    anonymous: yesNo(body, 'anonymous'),
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const accountId = arg(body, 'account_id');
  return {
    input: validate(NewReport, candidate),
    ...(mediaUrl ? { mediaUrl } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

function isWebUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
