/**
 * `npm run balai -- <command> [options]`: administration from the shell. Run without arguments for
 * help; the commands are in commands.ts. On an embedded database the running server holds the
 * data directory, so a command is handed to it (control-socket.ts); otherwise it runs here.
 */
import { openMigratedDatabase } from '../platform/boot.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirInUse } from '../platform/db/data-dir-lock.ts';
import { createPlatform } from '../platform/platform.ts';
import { type Caller, execute, HELP, type Outcome, parseCommand } from './commands.ts';
import { controlSocketPath, sendToServer } from './control-socket.ts';
import { generateApp, NewAppError } from './new-app.ts';

function newApp(code: string | undefined, name: string | undefined): number {
  if (!code) {
    console.error(`new-app needs the app's code\n\n${HELP}`);
    return 2;
  }
  try {
    const made = generateApp(code, name === undefined ? {} : { name });
    console.log(
      [
        `made the app ${made.name} (${made.code}):`,
        ...made.files.map((f) => `  ${f}`),
        'Next: npm start, then adopt it (console › Pengaturan › Aplikasi) and read docs/adding-an-app.md.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof NewAppError)) throw error;
    console.error(`new-app: ${error.message}`);
    return 2;
  }
}

function print(outcome: Outcome): number {
  if (outcome.stdout) console.log(outcome.stdout);
  if (outcome.stderr) console.error(outcome.stderr);
  return outcome.exitCode;
}

export async function cli(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv);
  if ('exitCode' in parsed) return print(parsed);
  if (parsed.command === 'new-app') return newApp(parsed.positionals[1], parsed.values.name);
  const caller: Caller = { user: process.env.USER ?? 'unknown', language: process.env.LANG };
  const config = loadConfig();
  if (!config.databaseUrl && config.dataDir !== 'memory://') {
    const answered = await sendToServer(controlSocketPath(config.dataDir), argv, caller);
    if (answered) return print(answered);
  }
  // The apps are loaded here, not at import: `new-app` must work while an app folder is half-made.
  const { MODULES } = await import('../platform/catalogue/installed.ts');
  const database = await openMigratedDatabase(config, MODULES, 'a `npm run balai` command');
  const platform = await createPlatform(config, database, MODULES);
  try {
    return print(await execute(argv, platform, caller));
  } finally {
    await platform.close();
  }
}

if (import.meta.main) {
  cli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error instanceof ConfigError || error instanceof DataDirInUse ? error.message : error);
      process.exit(1);
    });
}
