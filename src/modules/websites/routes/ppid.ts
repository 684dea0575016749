/**
 * The PPID (UU 14/2008) through the API: a site's menu of public information and a citizen's
 * request, its status and objection (opened with the request's secret in `x-request-secret`), and
 * the PPID staff's work on the requests of their agency's site.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import {
  type AgencyAccess,
  actorOf,
  type Platform,
  pickLanguage,
  requestAccess,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { SiteParams } from '../schemas.ts';
import {
  AnswerInput,
  type AnswerInputType,
  ExtendInput,
  type ExtendInputType,
  ObjectionAnswerInput,
  type ObjectionAnswerInputType,
  ObjectionInput,
  type ObjectionInputType,
  PpidMenu,
  RequestFiled,
  RequestIdParams,
  RequestInput,
  type RequestInputType,
  RequestListQuery,
  RequestNumberParams,
  RequestStatus,
  SecretHeaders,
  StaffRequest,
  StaffRequests,
} from '../schemas-ppid.ts';
import {
  answerObjection,
  answerRequest,
  extendRequest,
  fileObjection,
  fileRequest,
  type PpidCall,
  requestForRequester,
  requestForStaff,
  requestsForStaff,
} from '../services/ppid.ts';
import { ppidMenu } from '../services/ppid-menu.ts';
import { BASE, portalBase, tags } from './api.ts';

type SiteP = { site: string };
type NumberP = { site: string; number: string };
type IdP = { site: string; id: string };
type SecretH = { 'x-request-secret'?: string };

const PPID = `${BASE}/sites/:site/ppid`;

export function ppidRoutes(app: FastifyInstance, platform: Platform) {
  const callOf = (request: FastifyRequest): PpidCall => ({
    platform,
    tenant: request.tenant!,
    now: new Date(),
  });
  const inTenant = <T>(request: FastifyRequest, work: Parameters<typeof platform.inTenant<T>>[2]) =>
    platform.inTenant(request.tenant!.id, actorOf(request), work);
  const inTenantRead = <T>(request: FastifyRequest, work: Parameters<typeof platform.inTenantRead<T>>[2]) =>
    platform.inTenantRead(request.tenant!.id, actorOf(request), work);
  const staff = { permission: PERM.ppid, agencyScoped: true };
  /** A PPID staff action on one request (`POST …/requests/:id/<suffix>`), answering the request. */
  const staffAction = <B>(
    suffix: string,
    doc: {
      summary: string;
      description: string;
      body: TSchema;
      act: (
        call: PpidCall,
        scope: TenantScope,
        site: string,
        id: string,
        body: B,
        access: AgencyAccess,
      ) => Promise<Static<typeof StaffRequest>>;
    },
  ) =>
    app.post<{ Params: IdP; Body: B }>(
      `${PPID}/requests/:id/${suffix}`,
      {
        schema: {
          tags,
          summary: doc.summary,
          description: doc.description,
          params: RequestIdParams,
          body: doc.body,
          response: { 200: StaffRequest },
        },
        config: staff,
      },
      async (request) =>
        inTenant(request, async (scope) =>
          doc.act(
            callOf(request),
            scope,
            request.params.site,
            request.params.id,
            request.body as B,
            await requestAccess(platform, scope, request),
          ),
        ),
    );

  app.get<{ Params: SiteP }>(
    PPID,
    {
      schema: {
        tags,
        summary: "A site's PPID menu",
        description:
          'The public information the site publishes, by class of UU 14/2008: periodically (berkala), immediately (serta merta), available at any time (setiap saat), and the list of excepted information (dikecualikan: titles only, never their content); with the address of the request form.',
        security: [],
        params: SiteParams,
        response: { 200: PpidMenu },
      },
      config: { auth: 'optional' },
    },
    async (request) =>
      inTenantRead(request, (scope) => ppidMenu(scope, request.params.site, portalBase(request.tenant!))),
  );

  app.post<{ Params: SiteP; Body: RequestInputType }>(
    `${PPID}/requests`,
    {
      schema: {
        tags,
        summary: 'Request public information',
        description:
          "Files a citizen's request for public information on the site (UU 14/2008 Pasal 22): name, an email or a phone (one at least), the information wanted, its purpose and how to receive it. Answers the request's number, its secret (shown once: it opens the status) and the date the PPID must answer by (10 working days of the tenant's calendar).",
        security: [],
        params: SiteParams,
        body: RequestInput,
        response: { 201: RequestFiled },
      },
      config: { auth: 'optional', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = pickLanguage(undefined, request.headers['accept-language']);
      const filed = await inTenant(request, (scope) =>
        fileRequest(callOf(request), scope, request.params.site, request.body, language),
      );
      return reply.status(201).send(filed);
    },
  );

  app.get<{ Params: NumberP; Headers: SecretH }>(
    `${PPID}/status/:number`,
    {
      schema: {
        tags,
        summary: "A request's status, for its requester",
        description:
          'The request as its requester sees it — the deadlines, the extension, the answer, the objection — opened with its number and the secret given when it was filed (header `x-request-secret`). A wrong secret and an unknown number get the same 403.',
        security: [],
        params: RequestNumberParams,
        headers: SecretHeaders,
        response: { 200: RequestStatus },
      },
      config: { auth: 'optional', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) =>
      inTenantRead(request, (scope) =>
        requestForRequester(
          callOf(request),
          scope,
          request.params.site,
          request.params.number,
          request.headers['x-request-secret'] ?? '',
        ),
      ),
  );

  app.post<{ Params: NumberP; Headers: SecretH; Body: ObjectionInputType }>(
    `${PPID}/status/:number/objection`,
    {
      schema: {
        tags,
        summary: 'Object to the handling of a request',
        description:
          "The requester's objection (keberatan, UU 14/2008 Pasal 35–36) with its ground (Pasal 35 ayat 1, a–g): once, within 30 working days after the answer or after the due date passed unanswered; the PPID's superior answers within 30 working days. Opened with the request's secret (header `x-request-secret`); outside the window, 409.",
        security: [],
        params: RequestNumberParams,
        headers: SecretHeaders,
        body: ObjectionInput,
        response: { 200: RequestStatus },
      },
      config: { auth: 'optional', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) =>
      inTenant(request, (scope) =>
        fileObjection(
          callOf(request),
          scope,
          request.params.site,
          request.params.number,
          request.headers['x-request-secret'] ?? '',
          request.body,
        ),
      ),
  );

  app.get<{ Params: SiteP; Querystring: { open?: boolean; limit?: number } }>(
    `${PPID}/requests`,
    {
      schema: {
        tags,
        summary: "A site's information requests, for its PPID",
        description:
          "The site's public-information requests: by default the open ones (waiting for the answer or the objection's answer) by due date, each flagged when overdue; `open=false` lists them all, newest first. The PPID staff of the site's agency only.",
        params: SiteParams,
        querystring: RequestListQuery,
        response: { 200: StaffRequests },
      },
      config: staff,
    },
    async (request) =>
      inTenantRead(request, async (scope) =>
        requestsForStaff(
          callOf(request),
          scope,
          request.params.site,
          request.query,
          await requestAccess(platform, scope, request),
        ),
      ),
  );

  app.get<{ Params: IdP }>(
    `${PPID}/requests/:id`,
    {
      schema: {
        tags,
        summary: 'One information request, for the PPID',
        description:
          'A request of the site with its requester, deadlines, extension, answer and objection. The PPID staff of the site’s agency only.',
        params: RequestIdParams,
        response: { 200: StaffRequest },
      },
      config: staff,
    },
    async (request) =>
      inTenantRead(request, async (scope) =>
        requestForStaff(
          callOf(request),
          scope,
          request.params.site,
          request.params.id,
          await requestAccess(platform, scope, request),
        ),
      ),
  );

  staffAction<ExtendInputType>('extension', {
    summary: "Extend a request's deadline",
    description:
      'Extends the deadline of an unanswered request once, by 1 to 7 working days after the original due date, with the written reason the requester is sent (UU 14/2008 Pasal 22 ayat 8). A second extension, or one after the due date, is refused with 409.',
    body: ExtendInput,
    act: extendRequest,
  });

  staffAction<AnswerInputType>('answer', {
    summary: 'Answer an information request',
    description:
      "The PPID's written answer (UU 14/2008 Pasal 22 ayat 7): granted, partly granted, refused (with its exception of Pasal 17, a–j) or not held. Once; a request under objection is the superior's to answer (409).",
    body: AnswerInput,
    act: answerRequest,
  });

  staffAction<ObjectionAnswerInputType>('objection-answer', {
    summary: 'Answer an objection',
    description:
      "The answer of the PPID's superior to the requester's objection (UU 14/2008 Pasal 36 ayat 2), due within 30 working days of it. Only a request under objection, once (else 409).",
    body: ObjectionAnswerInput,
    act: answerObjection,
  });
}
