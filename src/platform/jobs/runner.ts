/**
 * Background jobs, on pg-boss, on both databases.
 *
 * A job is declared once — a name, a TypeBox schema for its payload, a handler — and always
 * belongs to one tenant: the runner stores the tenant id with the payload and hands the handler a
 * context whose `inTenant` opens `platform.inTenant` transactions for that tenant only (row-level
 * security included). The handler opens as many short transactions as it needs; one that talks to
 * the network (SMTP, an SMS provider) must not hold a transaction while it waits, because on the
 * embedded database that would stall every request behind it.
 *
 * Scheduled tasks (cron) are platform-wide: they find the tenants with work and send them jobs.
 * A wake-up ties a signal channel (signals/) to a job: a service signals inside its transaction, so
 * the job is sent for the signal's tenant only once the change has committed. Every process gets
 * the signal and sends the job; the queue's singleton key per tenant keeps one waiting, and a
 * process sends at most one at a time per tenant (one more after it, if signals came meanwhile).
 *
 * pg-boss keeps its tables in its own schema (`pgboss`) and runs as the connecting (owner) role,
 * never as `balai_app`: on PostgreSQL it opens its own small pool on the same URL; on PGlite it
 * runs every statement through `Database.executeRaw`, which takes the one connection's FIFO lock
 * like any Kysely transaction (see database.ts).
 */
import { type Db as BossDatabase, type ConstructorOptions, type Job, PgBoss } from 'pg-boss';
import type { Static, TObject, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Database } from '../db/database.ts';
import type { Actor, TenantScope } from '../db/tenant-scope.ts';
import { isUuid } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { validate } from '../validate.ts';

/** The schema pg-boss installs itself in (outside `public`, so not under the tenant-table rules). */
export const JOBS_SCHEMA = 'pgboss';

/** What a handler gets besides its payload. */
export type JobContext = Readonly<{
  tenantId: string;
  jobId: string;
  /** 0 on the first run, one more on each retry. */
  retryCount: number;
  /** Aborted when the job expires or the runner gives up waiting for it. */
  signal: AbortSignal;
  /** Runs `fn` in a transaction bound to the job's tenant, as the job's actor. */
  inTenant<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T>;
}>;

/** How a job's queue behaves. */
export type QueueSettings = Readonly<{
  /** 'standard' (default), or 'short': at most one job waiting per singleton key. */
  policy?: 'standard' | 'short';
  /** Retries after the first failure (default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long one run may take before pg-boss counts it as failed (default 15 minutes). */
  expireInSeconds?: number;
  /** Jobs of this queue run at the same time in one process (default 1). */
  concurrency?: number;
}>;

/** A job: its name (pg-boss queue name), its payload's schema and its handler. */
export type JobDefinition<S extends TSchema = TSchema> = Readonly<{
  name: string;
  payload: S;
  queue?: QueueSettings;
  handler(ctx: JobContext, payload: Static<S>): Promise<void>;
}>;

/** A platform-wide task on a cron schedule (UTC); it runs once per tick across all processes. */
export type ScheduledTask = Readonly<{
  name: string;
  cron: string;
  run(ctx: TaskContext): Promise<void>;
}>;

export type TaskContext = Readonly<{ platform: Platform; runner: JobRunner }>;

/** A signal channel, and the job (payload `{}`) it sends the signal's tenant. */
export type Wakeup = Readonly<{ channel: string; job: JobDefinition<TObject> }>;

export type SendOptions = Readonly<{
  /** With a 'short' queue: no second job waits for the same key. */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
}>;

/** Where the runner reports what goes wrong (a pino logger fits). */
export type JobLogger = Readonly<{
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

export type JobRunnerOptions = Readonly<{
  jobs: readonly JobDefinition[];
  tasks?: readonly ScheduledTask[];
  wakeups?: readonly Wakeup[];
  /** How often idle workers look for jobs when no notification woke them (default 2, minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** How long `stop()` waits for running jobs (default 10 000). */
  stopTimeoutMs?: number;
  log?: JobLogger;
}>;

export type JobRunner = Readonly<{
  /**
   * Sends a job for a tenant; the payload is checked against the job's schema. Resolves with the
   * job id, or null when a singleton key kept it out. Call it outside any transaction: on PGlite it
   * waits for the one connection, which a transaction holds until it ends. (A change that must
   * start work when it commits signals a wake-up channel instead.)
   */
  send<S extends TSchema>(
    job: JobDefinition<S>,
    tenantId: string,
    payload: Static<S>,
    options?: SendOptions,
  ): Promise<string | null>;
  /** Stops taking jobs, waits for the running ones to finish, and lets go of the database. */
  stop(): Promise<void>;
}>;

type Envelope = { tenantId: string; payload: unknown };

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a job; the name is `area.action` (lower case, dots), and is the pg-boss queue name. */
export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!NAME.test(definition.name)) throw new Error(`Job name "${definition.name}" is not area.action`);
  return Object.freeze(definition);
}

/** Declares a scheduled task; the name follows the job rule. */
export function defineTask(task: ScheduledTask): ScheduledTask {
  if (!NAME.test(task.name)) throw new Error(`Task name "${task.name}" is not area.action`);
  return Object.freeze(task);
}

/** pg-boss's database on PGlite: every statement through the shared lock, LISTEN in-process. */
function embeddedBossDatabase(database: Database): BossDatabase {
  return {
    executeSql: (text, values) => database.executeRaw(text, values),
    async listen(channel, onNotification, onReconnect) {
      const unlisten = await database.listen(channel, onNotification);
      // Nothing can drop an in-process subscription; pg-boss still wants one catch-up fetch.
      onReconnect();
      return { close: unlisten };
    },
  };
}

function bossOptions(platform: Platform): ConstructorOptions {
  const common: ConstructorOptions = {
    schema: JOBS_SCHEMA,
    useListenNotify: true,
    instanceName: `balai-${process.pid}`,
    openTelemetry: { enabled: false },
  };
  if (platform.database.kind === 'postgres') {
    return {
      ...common,
      connectionString: platform.config.databaseUrl!,
      max: 4,
      application_name: 'balai-jobs',
    };
  }
  return { ...common, backend: 'pglite', db: embeddedBossDatabase(platform.database) };
}

function jobActor(name: string, jobId: string): Actor {
  return Object.freeze({ userId: null, label: `job ${name}`, requestId: jobId, ip: null });
}

/** Installs or upgrades pg-boss's schema, declares the queues and starts working them. */
export async function startJobRunner(platform: Platform, options: JobRunnerOptions): Promise<JobRunner> {
  const log: JobLogger = options.log ?? {
    error: (obj, msg) => console.error(msg, obj),
    warn: (obj, msg) => console.warn(msg, obj),
  };
  const names = new Set<string>();
  for (const item of [...options.jobs, ...(options.tasks ?? [])]) {
    if (names.has(item.name)) throw new Error(`Two jobs or tasks are named ${item.name}`);
    names.add(item.name);
  }
  const polling = Math.max(0.5, options.pollingIntervalSeconds ?? 2);
  const boss = new PgBoss(bossOptions(platform));
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
  await boss.start();

  const unlisten: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const runner: JobRunner = Object.freeze({
    async send(job, tenantId, payload, sendOptions = {}) {
      if (!names.has(job.name)) throw new Error(`Job ${job.name} is not registered with the runner`);
      if (!isUuid(tenantId)) throw new Error(`Job ${job.name}: tenant id "${tenantId}" is not a UUID`);
      const envelope: Envelope = { tenantId, payload: validate(job.payload, payload, 'payload') };
      return boss.send(job.name, envelope, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
      });
    },
    stop() {
      stopping ??= (async () => {
        for (const off of unlisten.splice(0)) await off();
        await boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 10_000 });
      })();
      return stopping;
    },
  });

  try {
    for (const job of options.jobs) {
      await declareQueue(boss, job.name, job.queue ?? {});
      await boss.work<Envelope>(
        job.name,
        { ...pollEvery(polling), localConcurrency: job.queue?.concurrency ?? 1 },
        async ([bossJob]) => {
          if (bossJob) await runJob(platform, job, bossJob, log);
        },
      );
    }
    for (const task of options.tasks ?? []) {
      await declareQueue(boss, task.name, { policy: 'short', retryLimit: 0 });
      await boss.schedule(task.name, task.cron, {}, { tz: 'UTC' });
      await boss.work(task.name, pollEvery(polling), async () => {
        try {
          await task.run({ platform, runner });
        } catch (error) {
          log.error({ err: error, task: task.name }, 'scheduled task failed');
          throw error;
        }
      });
    }
    for (const wakeup of options.wakeups ?? []) {
      const job = wakeup.job;
      const wake = coalesced(async (tenantId) => {
        if (stopping) return;
        await runner.send(job, tenantId, {}, { singletonKey: tenantId }).then(
          () => undefined,
          (error: unknown) => {
            log.error({ err: error, job: job.name, tenantId }, 'could not send a woken job');
          },
        );
      });
      const off = platform.signals.on(wakeup.channel, (tenantId) => {
        if (isUuid(tenantId) && !stopping) wake(tenantId);
      });
      unlisten.push(async () => off());
    }
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return runner;
}

/**
 * `send` for one key at a time: a call while the key's send is under way asks for one more after it
 * (a job sent before a commit may already be running and miss it), and calls meanwhile share that one.
 */
function coalesced(send: (key: string) => Promise<void>): (key: string) => void {
  const running = new Map<string, { again: boolean }>();
  const start = (key: string) => {
    const state = { again: false };
    running.set(key, state);
    void send(key).finally(() => {
      running.delete(key);
      if (state.again) start(key);
    });
  };
  return (key) => {
    const state = running.get(key);
    if (state) state.again = true;
    else start(key);
  };
}

/**
 * A worker's polling. Our queues are notified (`notify`), and pg-boss then waits its NOTIFY
 * backstop, 30 s by default, after every job it ran unless a send woke it meanwhile: a backlog
 * (retries that came due, jobs sent while no worker ran) would drain one job per 30 s. The backstop
 * is the polling interval here, and a worker whose queue has more ready jobs fetches again at once.
 */
function pollEvery(seconds: number) {
  return { pollingIntervalSeconds: seconds, notifyPollingIntervalSeconds: seconds, burstWhenReadyExceeds: 1 };
}

async function declareQueue(boss: PgBoss, name: string, settings: QueueSettings): Promise<void> {
  const options = {
    retryLimit: settings.retryLimit ?? 2,
    retryDelay: settings.retryDelaySeconds ?? 5,
    retryBackoff: settings.retryBackoff ?? true,
    expireInSeconds: settings.expireInSeconds ?? 900,
    notify: true,
  };
  if (await boss.getQueue(name)) await boss.updateQueue(name, options);
  else await boss.createQueue(name, { ...options, policy: settings.policy ?? 'standard' });
}

async function runJob(
  platform: Platform,
  job: JobDefinition,
  bossJob: Job<Envelope>,
  log: JobLogger,
): Promise<void> {
  const { tenantId, payload } = bossJob.data ?? ({} as Partial<Envelope>);
  if (typeof tenantId !== 'string' || !isUuid(tenantId) || !Value.Check(job.payload, payload)) {
    // Nothing a retry could fix; pg-boss records the failure.
    throw new Error(`Job ${job.name} ${bossJob.id} carries no tenant or a payload its schema refuses`);
  }
  const actor = jobActor(job.name, bossJob.id);
  const ctx: JobContext = Object.freeze({
    tenantId,
    jobId: bossJob.id,
    retryCount: bossJob.retryCount,
    signal: bossJob.signal,
    inTenant: <T>(fn: (scope: TenantScope) => Promise<T>) => platform.inTenant(tenantId, actor, fn),
  });
  try {
    await job.handler(ctx, payload);
  } catch (error) {
    log.error({ err: error, job: job.name, jobId: bossJob.id, tenantId }, 'job failed');
    throw error;
  }
}
