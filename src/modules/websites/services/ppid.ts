/**
 * Public-information requests (UU 14/2008): a citizen files one on a site and gets its number and
 * a secret; the site's PPID answers within the law's working days, may extend once; the requester
 * may object, and the PPID's superior answers the objection. Every step is audited and tells the
 * requester by email. Staff act on the sites of their agencies only (`siteForStaff`). The clock
 * (`now`) is the caller's, so that the deadlines are tested on real calendars.
 */
import {
  type AgencyAccess,
  AppError,
  calendarForTenant,
  type FieldError,
  invalid,
  type Language,
  newId,
  type Platform,
  randomSecret,
  recordAudit,
  sameSecret,
  sha256,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { localDateOf, type WorkingCalendar } from '../../../platform/sdk/shared.ts';
import type { AnswerKind, ObjectionGround, RefusalGround } from '../ppid-tables.ts';
import {
  findRequest,
  insertRequest,
  listRequests,
  nextRequestNumber,
  type RequestRow,
  updateRequest,
} from '../repo/ppid.ts';
import type { SiteRow } from '../repo/sites.ts';
import type {
  AnswerInputType,
  ExtendInputType,
  ObjectionAnswerInputType,
  ObjectionInputType,
  RequestFiledType,
  RequestInputType,
  RequestStatusType,
  StaffRequestType,
} from '../schemas-ppid.ts';
import {
  answerDueOn,
  currentDueOn,
  extendedDueOn,
  isOverdue,
  localDay,
  mayObject,
  objectionAnswerDueOn,
  objectionWindow,
  today,
} from './ppid-deadlines.ts';
import { notifyRequester, statusPath } from './ppid-notices.ts';
import { notifyNewRequest } from './ppid-staff-notices.ts';
import { siteBySlug, siteForStaff } from './sites.ts';

/** What every step needs beside the scope. */
export type PpidCall = Readonly<{ platform: Platform; tenant: VerifiedTenant; now: Date }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;

/**
 * The request's fields checked and trimmed, from the API's body or the portal's form alike: every
 * mistake at once, on its field. Email or phone: at least one (Pasal 4 Perki 1/2021 asks for a
 * way to reach the requester); delivery by email needs the email.
 */
export function checkRequest(raw: Record<string, unknown>): RequestInputType {
  const fields: FieldError[] = [];
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const need = (name: string, min: number, max: number, required = true) => {
    const value = text(name);
    if (!value) {
      if (required) fields.push({ path: `/body/${name}`, code: 'required' });
      return undefined;
    }
    if (value.length < min) fields.push({ path: `/body/${name}`, code: 'minLength', params: { limit: min } });
    else if (value.length > max)
      fields.push({ path: `/body/${name}`, code: 'maxLength', params: { limit: max } });
    return value;
  };
  const name = need('name', 2, 200);
  const email = need('email', 3, 254, false);
  const phone = need('phone', 8, 20, false);
  const address = need('address', 1, 500, false);
  const identityNumber = need('identityNumber', 1, 32, false);
  const information = need('information', 10, 5000);
  const purpose = need('purpose', 5, 2000);
  const delivery = text('delivery');
  if (email && !EMAIL.test(email)) fields.push({ path: '/body/email', code: 'email' });
  if (phone && !PHONE.test(phone)) fields.push({ path: '/body/phone', code: 'ppid_phone' });
  if (!email && !phone) fields.push({ path: '/body/email', code: 'ppid_contact' });
  if (delivery !== 'email' && delivery !== 'pickup' && delivery !== 'post') {
    fields.push({ path: '/body/delivery', code: 'required' });
  } else if (delivery === 'email' && !email && phone) {
    fields.push({ path: '/body/email', code: 'ppid_email_for_delivery' });
  } else if (delivery === 'post' && !address) {
    fields.push({ path: '/body/address', code: 'ppid_address_for_post' });
  }
  if (fields.length) throw invalid(...fields);
  return {
    name: name!,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(identityNumber ? { identityNumber } : {}),
    information: information!,
    purpose: purpose!,
    delivery: delivery as RequestInputType['delivery'],
  };
}

/** `PPID-<SITE>-<year>-<000123>`: the site in capitals, the tenant's sequence of the local year. */
export function requestNumber(site: string, year: string, sequence: number): string {
  return `PPID-${site.toUpperCase()}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Files a request on the site: its number, its secret (shown once), its due date. */
export async function fileRequest(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  raw: Record<string, unknown>,
  language: Language,
): Promise<RequestFiledType> {
  const site = await siteBySlug(scope, siteSlug);
  const input = checkRequest(raw);
  const calendar = await calendarOf(call, scope);
  const year = localDateOf(call.now, calendar.timeZone).slice(0, 4);
  const number = requestNumber(site.slug, year, await nextRequestNumber(scope, Number(year)));
  const secret = randomSecret(15);
  const row = await insertRequest(scope, {
    id: newId(),
    site_id: site.id,
    number,
    secret_hash: sha256(secret),
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    identity_number: input.identityNumber ?? null,
    information: input.information,
    purpose: input.purpose,
    delivery: input.delivery,
    status: 'received',
    received_at: call.now,
    due_on: answerDueOn(calendar, call.now),
    user_id: scope.actor.userId ?? null,
    language,
  });
  await recordAudit(scope, {
    action: 'websites.ppid.file',
    entityType: 'websites.info_request',
    entityId: row.id,
    after: { number, site: site.slug, dueOn: localDay(row.due_on) },
  });
  await notifyRequester(call, scope, site, row, 'received');
  await notifyNewRequest(call, scope, site, row);
  return {
    number,
    secret,
    dueOn: localDay(row.due_on),
    statusUrl: statusPath(call.tenant, site.slug, number),
  };
}

/** The request by its number, if the secret is its own; else one refusal for both cases. */
async function requestBySecret(
  scope: TenantScope,
  site: SiteRow,
  number: string,
  secret: string,
  lock = false,
): Promise<RequestRow> {
  if (!secret.trim()) throw new AppError('forbidden', { detailKey: 'ppid_secret_missing' });
  const row = await findRequest(scope, site.id, { number: number.toUpperCase() }, lock);
  if (!row || !secret || !sameSecret(sha256(secret.trim()), row.secret_hash)) {
    throw new AppError('forbidden', { detailKey: 'ppid_wrong_secret' });
  }
  return row;
}

/** The request as its requester sees it, opened by its number and secret. */
export async function requestForRequester(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  number: string,
  secret: string,
): Promise<RequestStatusType> {
  const site = await siteBySlug(scope, siteSlug);
  const row = await requestBySecret(scope, site, number, secret);
  return statusView(row, site, await calendarOf(call, scope), call.now);
}

/** The requester's objection (Pasal 35–36), within its window, once. */
export async function fileObjection(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  number: string,
  secret: string,
  input: ObjectionInputType,
): Promise<RequestStatusType> {
  const site = await siteBySlug(scope, siteSlug);
  const row = await requestBySecret(scope, site, number, secret, true);
  const calendar = await calendarOf(call, scope);
  if (!mayObject(calendar, row, call.now)) {
    const window = objectionWindow(calendar, row);
    const day = today(calendar, call.now);
    const why = !window
      ? 'ppid_objected_once'
      : day < window.from
        ? 'ppid_objection_early'
        : 'ppid_objection_late';
    throw conflict(why, { dueOn: currentDueOn(row), until: window?.until ?? '' });
  }
  const reason = input.reason.trim();
  if (reason.length < 10) throw invalid({ path: '/body/reason', code: 'minLength', params: { limit: 10 } });
  const changed = await updateRequest(scope, row.id, {
    status: 'objected',
    objection_at: call.now,
    objection_ground: input.ground as ObjectionGround,
    objection_reason: reason,
    objection_due_on: objectionAnswerDueOn(calendar, call.now),
  });
  await recordAudit(scope, {
    action: 'websites.ppid.object',
    entityType: 'websites.info_request',
    entityId: row.id,
    before: { status: row.status },
    after: { status: changed.status, ground: input.ground, objectionDueOn: changed.objection_due_on },
  });
  await notifyRequester(call, scope, site, changed, 'objected');
  return statusView(changed, site, calendar, call.now);
}

// ---------------------------------------------------------------------------------------------
// The PPID's staff

/** The site's requests for its PPID: open ones by due date (overdue flagged), or all. */
export async function requestsForStaff(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  query: { open?: boolean; limit?: number },
  access: AgencyAccess,
): Promise<{ items: StaffRequestType[] }> {
  const site = await siteForStaff(scope, siteSlug, access);
  const calendar = await calendarOf(call, scope);
  const rows = await listRequests(scope, site.id, query.open ?? true, query.limit ?? 100);
  return { items: rows.map((r) => staffView(r, site, calendar, call.now)) };
}

export async function requestForStaff(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  id: string,
  access: AgencyAccess,
): Promise<StaffRequestType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await staffRequest(scope, site, id);
  return staffView(row, site, await calendarOf(call, scope), call.now);
}

/** Extends the answer's deadline once, by at most 7 working days, with the reason (Pasal 22 ayat 8). */
export async function extendRequest(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: ExtendInputType,
  access: AgencyAccess,
): Promise<StaffRequestType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await staffRequest(scope, site, id, true);
  const calendar = await calendarOf(call, scope);
  if (row.status === 'extended' || row.extended_on) throw conflict('ppid_extended_once');
  if (row.status !== 'received') throw conflict('ppid_closed', { status: row.status });
  if (today(calendar, call.now) > localDay(row.due_on)) {
    throw conflict('ppid_extension_late', { dueOn: localDay(row.due_on) });
  }
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 7) {
    throw invalid({ path: '/body/days', code: 'maximum', params: { limit: 7 } });
  }
  const reason = input.reason.trim();
  if (reason.length < 10) throw invalid({ path: '/body/reason', code: 'minLength', params: { limit: 10 } });
  const changed = await updateRequest(scope, row.id, {
    status: 'extended',
    extended_on: extendedDueOn(calendar, localDay(row.due_on), input.days),
    extension_reason: reason,
    extended_at: call.now,
  });
  await recordAudit(scope, {
    action: 'websites.ppid.extend',
    entityType: 'websites.info_request',
    entityId: row.id,
    before: { status: row.status, dueOn: localDay(row.due_on) },
    after: { status: changed.status, extendedOn: changed.extended_on, reason },
  });
  await notifyRequester(call, scope, site, changed, 'extended');
  return staffView(changed, site, calendar, call.now);
}

/** The PPID's answer; a refusal names its exception of Pasal 17. */
export async function answerRequest(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: AnswerInputType,
  access: AgencyAccess,
): Promise<StaffRequestType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await staffRequest(scope, site, id, true);
  if (row.status === 'objected') throw conflict('ppid_under_objection');
  if (row.status !== 'received' && row.status !== 'extended') throw conflict('ppid_answered_once');
  const text = input.text.trim();
  const fields: FieldError[] = [];
  if (!text) fields.push({ path: '/body/text', code: 'required' });
  if (input.kind === 'refused' && !input.refusalGround) {
    fields.push({ path: '/body/refusalGround', code: 'ppid_refusal_ground' });
  }
  if (fields.length) throw invalid(...fields);
  const changed = await updateRequest(scope, row.id, {
    status: 'answered',
    answered_at: call.now,
    answer_kind: input.kind as AnswerKind,
    answer: text,
    refusal_ground: input.kind === 'refused' ? (input.refusalGround as RefusalGround) : null,
  });
  await recordAudit(scope, {
    action: 'websites.ppid.answer',
    entityType: 'websites.info_request',
    entityId: row.id,
    before: { status: row.status },
    after: { status: changed.status, kind: input.kind, refusalGround: changed.refusal_ground },
  });
  await notifyRequester(call, scope, site, changed, 'answered');
  const calendar = await calendarOf(call, scope);
  return staffView(changed, site, calendar, call.now);
}

/** The superior's answer to an objection (Pasal 36 ayat 2). */
export async function answerObjection(
  call: PpidCall,
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: ObjectionAnswerInputType,
  access: AgencyAccess,
): Promise<StaffRequestType> {
  const site = await siteForStaff(scope, siteSlug, access);
  const row = await staffRequest(scope, site, id, true);
  if (row.status === 'objection_answered') throw conflict('ppid_objection_answered_once');
  if (row.status !== 'objected') throw conflict('ppid_no_objection');
  const text = input.text.trim();
  if (!text) throw invalid({ path: '/body/text', code: 'required' });
  const changed = await updateRequest(scope, row.id, {
    status: 'objection_answered',
    objection_answer: text,
    objection_answered_at: call.now,
  });
  await recordAudit(scope, {
    action: 'websites.ppid.objection_answer',
    entityType: 'websites.info_request',
    entityId: row.id,
    before: { status: row.status },
    after: { status: changed.status },
  });
  await notifyRequester(call, scope, site, changed, 'objection_answered');
  return staffView(changed, site, await calendarOf(call, scope), call.now);
}

// ---------------------------------------------------------------------------------------------

async function staffRequest(
  scope: TenantScope,
  site: SiteRow,
  id: string,
  lock = false,
): Promise<RequestRow> {
  const row = await findRequest(scope, site.id, { id }, lock);
  if (!row) throw new AppError('not_found', { params: { entity: 'info_request' } });
  return row;
}

/** A refused step: 409 with the words that say why (under `detail.`). */
function conflict(detailKey: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('invalid_transition', { detailKey, params });
}

export function calendarOf(call: PpidCall, scope: TenantScope): Promise<WorkingCalendar> {
  return calendarForTenant(scope, call.tenant.timeZone);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string | null) => (d === null ? null : localDay(d));

export function statusView(
  row: RequestRow,
  site: SiteRow,
  calendar: WorkingCalendar,
  now: Date,
): RequestStatusType {
  const window = objectionWindow(calendar, row);
  return {
    id: row.id,
    number: row.number,
    site: site.slug,
    status: row.status,
    information: row.information,
    purpose: row.purpose,
    delivery: row.delivery,
    receivedAt: iso(row.received_at)!,
    dueOn: localDay(row.due_on),
    extendedOn: day(row.extended_on),
    extensionReason: row.extension_reason,
    answeredAt: iso(row.answered_at),
    answerKind: row.answer_kind,
    answer: row.answer,
    objectionAt: iso(row.objection_at),
    objectionReason: row.objection_reason,
    objectionDueOn: day(row.objection_due_on),
    objectionAnswer: row.objection_answer,
    objectionAnsweredAt: iso(row.objection_answered_at),
    refusalGround: row.refusal_ground,
    objectionGround: row.objection_ground,
    overdue: isOverdue(calendar, row, now),
    mayObject: mayObject(calendar, row, now),
    objectionFrom: window?.from ?? null,
    objectionUntil: window?.until ?? null,
  };
}

function staffView(row: RequestRow, site: SiteRow, calendar: WorkingCalendar, now: Date): StaffRequestType {
  return {
    ...statusView(row, site, calendar, now),
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    identityNumber: row.identity_number,
  };
}
