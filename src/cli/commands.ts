/**
 * The administration commands of `npm run balai`, on the same services the API uses (so the same
 * checks and the same audit trail). `execute` runs one: in the CLI's own process, or — for an
 * embedded database the server holds — inside the server (see control-socket.ts).
 */
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, demoCredentials, seedDemo } from '../demo/seed.ts';
import { onLiveFor, takeLive } from '../platform/catalogue/go-live.ts';
import {
  ADOPTION_STATUSES,
  CreateAgreement,
  ProposeAdoption,
  TakeLive,
  TransitionAdoption,
} from '../platform/catalogue/schemas.ts';
import {
  ADOPTION_TRANSITIONS,
  createAgreement,
  proposeAdoption,
  transitionAdoption,
} from '../platform/catalogue/service.ts';
import { citusPlan, PlacementError } from '../platform/db/placement.ts';
import type { Actor } from '../platform/db/tenant-scope.ts';
import { AppError } from '../platform/errors.ts';
import { pickLanguage, translator } from '../platform/i18n/index.ts';
import { CreateUser, GrantRole } from '../platform/people/schemas.ts';
import { createUser, findUserIdByEmail, grantRole } from '../platform/people/service.ts';
import type { Platform } from '../platform/platform.ts';
import { CreateTenant } from '../platform/tenancy/schemas.ts';
import { createTenant, findAgencyIdByCode } from '../platform/tenancy/service.ts';
import { validate } from '../platform/validate.ts';

/** The adoption lifecycle as the code has it: each state and the states it may move to. */
const LIFECYCLE = ADOPTION_STATUSES.map(
  (s) => `    ${s.padEnd(11)} → ${ADOPTION_TRANSITIONS[s].join(', ')}`,
).join('\n');

export const HELP = `Usage: npm run balai -- <command> [options]

Commands:
  new-app CODE [--name N]         make a new app's folder, src/modules/CODE/ (see docs/adding-an-app.md)
  migrate                         bring the database schema up to date
  seed-demo                       write the demo tenants (does nothing if they exist)
  create-tenant --slug S --code PP.KK --kind kota|kabupaten|provinsi --name N --time-zone Asia/Jakarta [--domain D]...
  agreement --tenant S --kind mou|pks --number N --signed-on YYYY-MM-DD [--partner S] --signatory "Name|Title|Party"...
  adopt --tenant S --app CODE --channel web|android|webservice [--origin S]
  adoption --tenant S --app CODE --channel C --to STATUS [--agreement ID] [--on YYYY-MM-DD] [--note T]
  go-live --tenant S --app CODE [--channel web] [--mou ID] [--pks ID] [--on YYYY-MM-DD] [--note T]
                                  propose if needed, then every next state up to live (one audited
                                  step each, all or none); --mou and --pks name the agreements
  create-user --tenant S --kind staff|partner|citizen --name N --email E [--phone P] [--nip NIP] [--partner-kind K] --password P
  grant --tenant S --email E --role ROLE [--agency CODE]
  citus-plan                      print the Citus statements that distribute this database by tenant,
                                  from every table's placement (docs/scaling.md); nothing is changed

Adoption states (STATUS), and where each may go (the tenant's own app skips the agreements):
${LIFECYCLE}

The database is the one the server uses: DATABASE_URL, or the embedded one in DATA_DIR (./data).`;

const options = {
  slug: { type: 'string' },
  code: { type: 'string' },
  kind: { type: 'string' },
  name: { type: 'string' },
  'time-zone': { type: 'string' },
  domain: { type: 'string', multiple: true },
  tenant: { type: 'string' },
  number: { type: 'string' },
  'signed-on': { type: 'string' },
  partner: { type: 'string' },
  signatory: { type: 'string', multiple: true },
  app: { type: 'string' },
  channel: { type: 'string' },
  origin: { type: 'string' },
  to: { type: 'string' },
  agreement: { type: 'string' },
  mou: { type: 'string' },
  pks: { type: 'string' },
  on: { type: 'string' },
  note: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  nip: { type: 'string' },
  'partner-kind': { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  agency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The audit trail names the shell user who ran the command. */
function actorOf(user: string): Actor {
  return { userId: null, label: `cli:${user}`, requestId: null, ip: null };
}

function need(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
}

class UsageError extends Error {}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function tenantId(platform: Platform, slug: string): string {
  const tenant = platform.directory.bySlug(slug);
  if (!tenant) throw new UsageError(`no tenant with slug "${slug}"`);
  return tenant.id;
}

async function run(command: string, v: Values, platform: Platform, ACTOR: Actor): Promise<string> {
  const db = platform.database.db;
  switch (command) {
    case 'migrate':
      return 'schema is up to date';
    case 'seed-demo': {
      const wrote = await seedDemo(platform, ACTOR);
      if (!wrote) return 'demo data already present';
      return [
        `demo data written; password "${DEMO_PASSWORD}":`,
        ...demoCredentials().map((c) => `  ${c.tenant} ${c.email} (${c.roles})`),
      ].join('\n');
    }
    case 'create-tenant': {
      need(v, 'slug', 'code', 'kind', 'name', 'time-zone');
      const input = validate(CreateTenant, {
        slug: v.slug,
        code: v.code,
        kind: v.kind,
        name: v.name,
        timeZone: v['time-zone'],
        domains: v.domain ?? [],
      });
      await createTenant(db, input, ACTOR, platform.config.baseDomain);
      await platform.directoryChanged();
      return `tenant ${v.slug} created`;
    }
    case 'agreement': {
      need(v, 'tenant', 'kind', 'number', 'signed-on', 'signatory');
      const signatories = (v.signatory ?? []).map((s) => {
        const [name = '', title = '', party = ''] = s.split('|').map((x) => x.trim());
        return { name, title, party };
      });
      const input = validate(CreateAgreement, {
        kind: v.kind,
        number: v.number,
        signedOn: v['signed-on'],
        ...(v.partner ? { partner: v.partner } : {}),
        signatories,
      });
      const id = await platform.inTenant(tenantId(platform, v.tenant!), ACTOR, (scope) =>
        createAgreement(scope, input),
      );
      return `agreement ${id} recorded`;
    }
    case 'adopt': {
      need(v, 'tenant', 'app', 'channel');
      const input = validate(ProposeAdoption, {
        app: v.app,
        channel: v.channel,
        ...(v.origin ? { origin: v.origin } : {}),
      });
      await platform.inTenant(tenantId(platform, v.tenant!), ACTOR, (scope) => proposeAdoption(scope, input));
      return `${v.app} on ${v.channel} proposed for ${v.tenant}`;
    }
    case 'adoption': {
      need(v, 'tenant', 'app', 'channel', 'to');
      const tenant = platform.directory.bySlug(v.tenant!);
      if (!tenant) throw new UsageError(`no tenant with slug "${v.tenant}"`);
      const input = validate(TransitionAdoption, {
        to: v.to,
        ...(v.agreement ? { agreementId: v.agreement } : {}),
        ...(v.on ? { on: v.on } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
      const { liveChanged } = await platform.inTenant(tenant.id, ACTOR, (scope) =>
        transitionAdoption(
          scope,
          tenant.timeZone,
          v.app!,
          v.channel!,
          input,
          onLiveFor(platform, scope, tenant),
        ),
      );
      if (liveChanged) await platform.directoryChanged();
      return `${v.app} on ${v.channel} for ${v.tenant} is now ${v.to}`;
    }
    case 'go-live': {
      need(v, 'tenant', 'app');
      const tenant = platform.directory.bySlug(v.tenant!);
      if (!tenant) throw new UsageError(`no tenant with slug "${v.tenant}"`);
      const input = validate(TakeLive, {
        ...(v.mou ? { mouId: v.mou } : {}),
        ...(v.pks ? { pksId: v.pks } : {}),
        ...(v.on ? { on: v.on } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
      const app = validate(ProposeAdoption, { app: v.app, channel: v.channel ?? 'web' });
      const { steps, liveChanged } = await platform.inTenant(tenant.id, ACTOR, (scope) =>
        takeLive(scope, tenant, { ...app, ...input }, onLiveFor(platform, scope, tenant)),
      );
      if (liveChanged) await platform.directoryChanged();
      if (steps.length === 0) return `${v.app} on ${app.channel} for ${v.tenant} was live already`;
      return `${v.app} on ${app.channel} for ${v.tenant}: ${steps.join(' → ')}`;
    }
    case 'create-user': {
      need(v, 'tenant', 'kind', 'name', 'password');
      const input = validate(CreateUser, {
        kind: v.kind,
        displayName: v.name,
        ...(v.email ? { email: v.email } : {}),
        ...(v.phone ? { phone: v.phone } : {}),
        ...(v.nip ? { nip: v.nip } : {}),
        ...(v['partner-kind'] ? { partnerKind: v['partner-kind'] } : {}),
        password: v.password,
      });
      const id = await platform.inTenant(tenantId(platform, v.tenant!), ACTOR, (scope) =>
        createUser(scope, input),
      );
      return `user ${id} created`;
    }
    case 'grant': {
      need(v, 'tenant', 'email', 'role');
      await platform.inTenant(tenantId(platform, v.tenant!), ACTOR, async (scope) => {
        const userId = await findUserIdByEmail(scope, v.email!);
        if (!userId) throw new UsageError(`no user ${v.email} in ${v.tenant}`);
        const agencyId = v.agency ? await findAgencyIdByCode(scope, v.agency) : null;
        if (v.agency && !agencyId) throw new UsageError(`no agency ${v.agency} in ${v.tenant}`);
        await grantRole(scope, userId, validate(GrantRole, { role: v.role, agencyId }));
      });
      return `${v.role} granted to ${v.email}`;
    }
    case 'citus-plan':
      return [
        '-- Distributes the Balai database by tenant with Citus: run on the coordinator, with the citus',
        '-- extension created and the workers added, while no Balai process writes (docs/scaling.md).',
        ...(await citusPlan(db, platform.modules)),
      ].join('\n');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The option that gives a field whose name is not the option's (`agreementId` is `--agreement`). */
const OPTION_OF_FIELD: Record<string, string> = {
  'agreement-id': 'agreement',
  'mou-id': 'mou',
  'pks-id': 'pks',
};

/** Formats an AppError for the terminal in `language`, with each offending field. */
function describe(error: AppError, language: string | undefined): string {
  const t = translator(pickLanguage(undefined, language?.replace('_', '-')));
  const lines = [
    `${t(`error.${error.code}`)}: ${t(`detail.${error.detailKey}`, { ...error.params, entity: error.params.entity ?? '' })}`,
  ];
  // Field paths name the API's fields (timeZone); the CLI's options are kebab-case (--time-zone).
  const option = (path: string) => {
    const name = path.replace('/body/', '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return `--${OPTION_OF_FIELD[name] ?? name}`;
  };
  for (const f of error.fields) {
    lines.push(
      `  ${option(f.path)}: ${t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') })}`,
    );
  }
  return lines.join('\n');
}

/** What a command printed and how it ended, wherever it ran. */
export type Outcome = { exitCode: number; stdout: string; stderr: string };

/** Who runs a command: the shell user (for the audit trail) and the terminal's language. */
export type Caller = { user: string; language: string | undefined };

/** The command line read, or what is wrong with it (exit code 2, with the usage). */
export function parseCommand(
  argv: string[],
): { command: string; values: Values; positionals: string[] } | Outcome {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n\n${HELP}` };
  }
  const command = parsed.positionals[0];
  if (!command || command === 'help' || parsed.values.help) {
    return { exitCode: command ? 0 : 2, stdout: HELP, stderr: '' };
  }
  return { command, values: parsed.values, positionals: parsed.positionals };
}

/** Runs the command of `argv` on `platform`. Throws only what is not the caller's mistake. */
export async function execute(argv: string[], platform: Platform, caller: Caller): Promise<Outcome> {
  const parsed = parseCommand(argv);
  if ('exitCode' in parsed) return parsed;
  try {
    return {
      exitCode: 0,
      stdout: await run(parsed.command, parsed.values, platform, actorOf(caller.user)),
      stderr: '',
    };
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: 2, stdout: '', stderr: `${error.message}\n\n${HELP}` };
    if (error instanceof AppError)
      return { exitCode: 1, stdout: '', stderr: describe(error, caller.language) };
    if (error instanceof PlacementError) return { exitCode: 1, stdout: '', stderr: error.message };
    throw error;
  }
}
