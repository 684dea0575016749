/**
 * What an app's tests may use of the kernel beyond the SDK (with the harness in `test/support/`):
 * every installed app (for a suite that needs the others beside its own), the demo seed, and ways
 * to set up accounts and agencies directly. Only files named `*.test.ts` or under an app's `test/`
 * may import this.
 */
export { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
export { WEB_DIST } from '../../web/paths.ts';
export { MODULES as INSTALLED_APPS } from '../catalogue/installed.ts';
export { ConfigError, loadConfig } from '../config.ts';
export type { DomainEvent } from '../events/hub.ts';
export type { JobRunner } from '../jobs/runner.ts';
export { createUser, grantRole } from '../people/service.ts';
export { createAgency } from '../tenancy/service.ts';
