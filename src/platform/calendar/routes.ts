/** Routes of the tenant's working-day calendar. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../errors.ts';
import { noContent } from '../http/answers.ts';
import { actorOf } from '../http/auth-hooks.ts';
import type { Platform } from '../platform.ts';
import { addLocalHoliday, calendarForTenant, holidaysOfYear, removeLocalHoliday } from './service.ts';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export function calendarRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { year: number } }>(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        description:
          'The days off the tenant’s deadlines skip in a year: national holidays, collective leave and the tenant’s own local holidays.',
        summary: 'National holidays, cuti bersama and local holidays of a year',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          lang: Type.Optional(Type.String()),
        }),
        response: {
          200: Type.Object(
            {
              items: Type.Array(
                Type.Object({ date: Type.String(), kind: Type.String(), name: Type.String() }),
              ),
            },
            {
              examples: [
                {
                  items: [
                    { date: '2026-03-20', kind: 'national', name: 'Hari Raya Idul Fitri 1447 H' },
                    { date: '2026-03-23', kind: 'cuti_bersama', name: 'Cuti Bersama Idul Fitri 1447 H' },
                    { date: '2026-02-28', kind: 'local', name: 'Hari Jadi Kota Tangerang' },
                  ],
                },
              ],
            },
          ),
        },
      },
    },
    async (request) => ({
      items: await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        holidaysOfYear(scope, request.query.year, request.lang),
      ),
    }),
  );

  app.post<{ Body: { date: string; name: string } }>(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        description:
          'Adds a local holiday (a regional anniversary, a local election day): deadlines computed from now on skip it.',
        summary: 'Add a local holiday',
        response: {
          201: Type.Object(
            { date: LocalDate, name: Type.String() },
            {
              description: 'The holiday, added',
              examples: [{ date: '2026-06-03', name: 'Hari Jadi Kota Bogor' }],
            },
          ),
        },
        body: Type.Object(
          { date: LocalDate, name: Type.String({ minLength: 3, maxLength: 200 }) },
          {
            additionalProperties: false,
            examples: [{ date: '2026-02-28', name: 'Hari Jadi Kota Tangerang' }],
          },
        ),
      },
      config: { permission: 'platform.calendar.manage' },
    },
    async (request, reply) => {
      await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        addLocalHoliday(scope, request.body.date, request.body.name),
      );
      return reply.status(201).send(request.body);
    },
  );

  app.delete<{ Params: { date: string } }>(
    '/api/v1/calendar/holidays/:date',
    {
      schema: {
        tags: ['calendar'],
        description: 'Removes one of the tenant’s local holidays; national holidays cannot be removed.',
        summary: 'Remove a local holiday',
        response: { 204: noContent('The holiday is removed') },
        params: Type.Object({ date: LocalDate }),
      },
      config: { permission: 'platform.calendar.manage' },
    },
    async (request, reply) => {
      await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        removeLocalHoliday(scope, request.params.date),
      );
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { from?: string; days: number } }>(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        description:
          'Computes a deadline as Balai does for reports: N working days after a moment, skipping weekends and the tenant’s holidays, in its time zone.',
        summary: 'The due date N working days after a moment, in the tenant’s time zone',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          days: Type.Integer({ minimum: 0, maximum: 366 }),
          lang: Type.Optional(Type.String()),
        }),
        response: {
          200: Type.Object(
            { from: Type.String(), days: Type.Integer(), dueDate: Type.String(), dueAt: Type.String() },
            {
              examples: [
                {
                  from: '2026-03-18T03:00:00.000Z',
                  days: 3,
                  dueDate: '2026-03-26',
                  dueAt: '2026-03-26T16:59:59.999Z',
                },
              ],
            },
          ),
        },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const from = request.query.from ? new Date(request.query.from) : new Date();
      if (Number.isNaN(from.getTime())) throw invalid({ path: '/querystring/from', code: 'format' });
      const calendar = await platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        calendarForTenant(scope, tenant.timeZone),
      );
      return {
        from: from.toISOString(),
        days: request.query.days,
        dueDate: calendar.addWorkingDays(from, request.query.days),
        dueAt: calendar.dueInstant(from, request.query.days).toISOString(),
      };
    },
  );
}
