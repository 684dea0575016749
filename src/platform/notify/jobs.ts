/**
 * The outbox's jobs: `notify.deliver` sends one tenant's due messages; it is woken by the signal an
 * outbox row commits with, and by `notify.sweep`, which runs every minute and sends it to every
 * tenant with messages due (retries whose backoff has passed, anything a wake-up missed).
 */
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import {
  defineJob,
  defineTask,
  type JobDefinition,
  type ScheduledTask,
  type Wakeup,
} from '../jobs/runner.ts';
import { deliverPending, OUTBOX_CHANNEL, tenantsWithDueNotificationsAcrossTenants } from './outbox.ts';
import type { Transports } from './transports.ts';

export type NotificationJobs = Readonly<{
  deliver: JobDefinition;
  jobs: readonly JobDefinition[];
  tasks: readonly ScheduledTask[];
  wakeups: readonly Wakeup[];
}>;

/** The delivery job, the sweep and the wake-up, sending through `transports`. */
export function notificationJobs(config: Config, transports: Transports): NotificationJobs {
  const deliver = defineJob({
    name: 'notify.deliver',
    payload: Type.Object({}, { additionalProperties: false }),
    // One delivery waiting per tenant is enough: it takes every due row when it runs.
    queue: { policy: 'short', retryLimit: 3, retryDelaySeconds: 10, concurrency: 2, expireInSeconds: 1800 },
    async handler(ctx) {
      await deliverPending(ctx, transports, config.notify);
    },
  });
  const sweep = defineTask({
    name: 'notify.sweep',
    cron: '* * * * *',
    async run({ platform, runner }) {
      for (const tenantId of await tenantsWithDueNotificationsAcrossTenants(platform.database.db)) {
        await runner.send(deliver, tenantId, {}, { singletonKey: tenantId });
      }
    },
  });
  return {
    deliver,
    jobs: [deliver],
    tasks: [sweep],
    wakeups: [{ channel: OUTBOX_CHANNEL, job: deliver }],
  };
}
