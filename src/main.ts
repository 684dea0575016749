/**
 * `npm start`: the Balai server and its job runner. Embedded database in ./data unless DATABASE_URL
 * is set; demo data on first start (not in production unless SEED_DEMO=true); graceful shutdown on SIGTERM/SIGINT:
 * in-flight requests and running jobs finish first.
 */
import { controlSocketPath, serveControl } from './cli/control-socket.ts';
import { DEMO_PASSWORD, DemoSlugTaken, demoCredentials, seedDemo } from './demo/seed.ts';
import { bootPlatform } from './platform/boot.ts';
import { MODULES } from './platform/catalogue/installed.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirInUse } from './platform/db/data-dir-lock.ts';
import { SYSTEM_ACTOR } from './platform/db/tenant-scope.ts';
import { buildApp } from './platform/http/app.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { notificationJobs } from './platform/notify/jobs.ts';
import { createTransports } from './platform/notify/transports.ts';

async function main() {
  const config = loadConfig();
  const platform = await bootPlatform(config, MODULES, 'the Balai server (npm start)');
  // On the embedded database this process alone holds the data directory: the CLI's commands
  // come here (see cli/control-socket.ts), from the start: the demo seed may take a while.
  const stopControl =
    !config.databaseUrl && config.dataDir !== 'memory://'
      ? await serveControl(platform, controlSocketPath(config.dataDir), console)
      : undefined;
  if (config.seedDemo) {
    const wrote = await seedDemo(platform, SYSTEM_ACTOR, (step) => {
      if (step !== 'done') console.log(`Demo data: ${step} written`);
    });
    if (wrote) console.log('Demo data written (Kota Tangerang and four adopting regencies).');
  }
  const app = await buildApp(platform);
  const transports = createTransports(config, platform.database);
  const notifications = notificationJobs(config, transports);
  const jobs = await startJobRunner(platform, {
    jobs: [...notifications.jobs, ...platform.modules.flatMap((m) => m.jobs ?? [])],
    tasks: [...notifications.tasks, ...platform.modules.flatMap((m) => m.tasks ?? [])],
    wakeups: notifications.wakeups,
    log: app.log,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await stopControl?.();
    await jobs.stop();
    transports.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ host: config.host, port: config.port });
  const base = address.replace('127.0.0.1', 'localhost');
  const db = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`\nBalai is running at ${base} on ${db}`);
  console.log(`  API docs:       ${base}/api/docs`);
  console.log(`  A tenant:       ${base}/t/kota-tangerang/api/v1`);
  console.log(`  Citizen portal: ${base}/t/kota-tangerang/`);
  console.log(`  Staff console:  ${base}/t/kota-tangerang/konsol (LIVE Room: /konsol/ruang-live)`);
  if (!config.mail.smtpUrl)
    console.log(`  Dev mailbox:    ${base}/t/kota-tangerang/konsol/admin/mailbox (no SMTP_URL)`);
  if (config.seedDemo) {
    console.log(
      `\nDemo sign-ins (password "${DEMO_PASSWORD}"), at /t/<tenant>/konsol, /t/<tenant>/masuk or POST /t/<tenant>/api/v1/auth/login:`,
    );
    for (const c of demoCredentials())
      console.log(`  ${c.tenant.padEnd(26)} ${c.email.padEnd(34)} ${c.roles}`);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUse || error instanceof DemoSlugTaken) {
    console.error(error.message);
  } else console.error(error);
  process.exit(1);
});
