/**
 * A scheduled task of an app that visits every tenant where the app is live, each in a transaction
 * of its own bound to that tenant. One tenant's failure does not keep the others from their turn:
 * the task fails after visiting them all, with every tenant's error (the runner logs it).
 */
import { type Actor, SYSTEM_ACTOR, type TenantScope } from '../db/tenant-scope.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';
import { defineTask, type ScheduledTask } from './runner.ts';

export type TenantTask = Readonly<{
  /** `<app>.<task>`: the app's code first. */
  name: string;
  cron: string;
  /** The app whose live tenants are visited. */
  app: string;
  /**
   * The tenants worth a visit (ids), when the task can tell cheaply across tenants (a query of due
   * work); by default every tenant. Only those where the app is live are visited.
   */
  candidates?: (platform: Platform, now: Date) => Promise<readonly string[]>;
  run: (platform: Platform, scope: TenantScope, tenant: VerifiedTenant, now: Date) => Promise<unknown>;
}>;

/** Declares a per-tenant task (see `TenantTask`); the job runner schedules it like any task. */
export function defineTenantTask(task: TenantTask): ScheduledTask {
  const actor: Actor = { ...SYSTEM_ACTOR, label: `job ${task.name}` };
  return defineTask({
    name: task.name,
    cron: task.cron,
    async run({ platform }) {
      const now = new Date();
      const ids = task.candidates ? new Set(await task.candidates(platform, now)) : undefined;
      const failures: unknown[] = [];
      for (const tenant of platform.directory.all()) {
        if (ids && !ids.has(tenant.id)) continue;
        if (!platform.directory.isLive(tenant.id, task.app)) continue;
        try {
          await platform.inTenant(tenant.id, actor, (scope) => task.run(platform, scope, tenant, now));
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1)
        throw new AggregateError(failures, `${task.name} failed for ${failures.length} tenants`);
    },
  });
}
