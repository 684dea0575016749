/**
 * One Balai node of a multi-node test: the server and job runner as `npm start` wires them
 * (src/main.ts: the platform, the HTTP app, the notification jobs and every app's jobs and tasks),
 * without the demo seed, plus one job of the test's own, `multinode.probe`, whose runs the test
 * counts. A line `send <n>` on stdin sends the probe job `n` from this node; each run prints
 * `probe <n> ran on <NODE_NAME>`. Started by test/multinode.test.ts through `spawnServer`.
 */
import { createInterface } from 'node:readline';
import { Type } from 'typebox';
import { bootPlatform } from '../../src/platform/boot.ts';
import { MODULES } from '../../src/platform/catalogue/installed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { defineJob, startJobRunner } from '../../src/platform/jobs/runner.ts';
import { notificationJobs } from '../../src/platform/notify/jobs.ts';
import { createTransports } from '../../src/platform/notify/transports.ts';

const node = process.env.NODE_NAME ?? String(process.pid);
const tenantId = process.env.PROBE_TENANT_ID ?? '';

const probe = defineJob({
  name: 'multinode.probe',
  payload: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
  queue: { retryLimit: 0 },
  async handler(_ctx, { n }) {
    console.log(`probe ${n} ran on ${node}`);
  },
});

const config = loadConfig();
const platform = await bootPlatform(config, MODULES, `multi-node test node ${node}`);
const app = await buildApp(platform, { logger: false });
const transports = createTransports(config, platform.database);
const notifications = notificationJobs(config, transports);
const jobs = await startJobRunner(platform, {
  jobs: [...notifications.jobs, ...platform.modules.flatMap((m) => m.jobs ?? []), probe],
  tasks: [...notifications.tasks, ...platform.modules.flatMap((m) => m.tasks ?? [])],
  wakeups: notifications.wakeups,
  pollingIntervalSeconds: 0.5,
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const match = /^send (\d+)$/.exec(line.trim());
  if (!match) return;
  jobs.send(probe, tenantId, { n: Number(match[1]) }).then(
    () => console.log(`probe ${match[1]} sent from ${node}`),
    (error: Error) => console.log(`probe ${match[1]} not sent: ${error.message}`),
  );
});

process.on('SIGTERM', async () => {
  await app.close();
  await jobs.stop();
  transports.close();
  await platform.close();
  process.exit(0);
});

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Balai is running at ${address} (node ${node})`);
