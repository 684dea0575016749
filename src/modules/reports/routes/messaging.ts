/** The inbound webhook of a messaging provider: one message becomes one report, answered with its number. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, type Platform, translator } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Messaging, type MessagingInput } from '../schemas.ts';
import { loadConfig } from '../services/config.ts';
import { fileReport } from '../services/intake.ts';
import { parseMessage } from '../services/messaging.ts';

const tags = ['reports'];

/** POST /api/v1/reports/inbound/messaging: a message from an integration account. */
export function messagingRoute(app: FastifyInstance, platform: Platform) {
  app.post<{ Body: MessagingInput }>(
    '/api/v1/reports/inbound/messaging',
    {
      schema: {
        tags,
        description:
          'A messaging gateway (WhatsApp, SMS) posts each inbound message; a message starting with `#<category>` becomes a report for the sender. Called by the gateway’s integration account.',
        summary: 'Inbound webhook of a messaging provider: one message becomes one report',
        body: Messaging,
        response: {
          201: Type.Object(
            {
              trackingNo: Type.String(),
              reply: Type.String({ description: 'The text to send back to the sender' }),
            },
            {
              examples: [
                {
                  trackingNo: '261204-M2WQ9',
                  reply:
                    'Terima kasih. Laporan Anda kami terima dengan nomor 261204-M2WQ9. Pantau di /t/kota-tangerang/api/v1/reports/261204-M2WQ9',
                },
              ],
            },
          ),
        },
      },
      config: { permission: PERM.intake },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const filed = await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const { categories } = await loadConfig(platform, scope);
        const { input } = parseMessage(request.body, categories);
        return fileReport(platform, scope, tenant, input, {
          channel: 'messaging',
          reporterUserId: null,
          idempotencyKey: `messaging:${request.body.messageId}`,
          photos: [],
        });
      });
      const t = translator(tenant.defaultLanguage);
      const url = `/t/${tenant.slug}/api/v1/reports/${filed.trackingNo}`;
      return reply.status(201).send({
        trackingNo: filed.trackingNo,
        reply: t('reports.messaging.reply', { trackingNo: filed.trackingNo, url }),
      });
    },
  );
}
