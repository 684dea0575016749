/**
 * The console's shell: it finds out who is signed in, shows the sign-in form when nobody is (or
 * when the session ended, staying on the same address so the user comes back to the same screen),
 * and draws the menu that the session's roles allow.
 */
import type { TFunction } from 'i18next';
import { type FormEvent, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Api, ApiError, type Session } from './api.ts';
import type { Home } from './apps.ts';
import { appOfSegment, CONSOLE_APPS, liveConsoleApps } from './installed.ts';
import { connectLive, disconnectLive } from './live.ts';
import { parseRoute, type Route, useLocation } from './router.ts';
import { AdminScreen, adminSections } from './screens/admin.tsx';
import { LiveRoom, liveTiles } from './screens/live-room.tsx';
import { type ConsoleContext, Ctx, Field, Link, Problem, useConsole } from './ui.tsx';

/** Where the shell's own menu entries stand among the apps' (`order`), and their `home` priority. */
const ADMIN = { order: 40, home: 40 };
const LIVE = { order: 25, home: 50 };

type MenuEntry = { path: string; label: string; order: number; home?: Home; current: boolean };

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; ended: boolean }
  | { kind: 'signed-in'; session: Session }
  | { kind: 'error'; error: ApiError };

export function App({ api, t }: { api: Api; t: TFunction }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const loadSession = useCallback(async () => {
    try {
      const session = await api.get<Session>('/auth/session');
      api.setCsrf(session.csrfToken);
      setState({ kind: 'signed-in', session });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out', ended: false });
      else setState({ kind: 'error', error: error as ApiError });
    }
  }, [api]);

  useEffect(() => {
    api.onUnauthenticated(() => setState({ kind: 'signed-out', ended: true }));
    void loadSession();
  }, [api, loadSession]);

  if (state.kind === 'loading') return <p className="loading">{t('loading')}</p>;
  if (state.kind === 'error') return <Problem error={state.error} />;
  if (state.kind === 'signed-out') {
    return (
      <SignIn
        api={api}
        t={t}
        ended={state.ended}
        onSignedIn={(session) => {
          api.setCsrf(session.csrfToken);
          setState({ kind: 'signed-in', session });
        }}
      />
    );
  }
  if (state.session.user.kind !== 'staff') {
    return (
      <main id="main" className="narrow">
        <h1>{t('title')}</h1>
        <p className="problem">{t('staffOnly')}</p>
        <p>
          <a href={`${api.config.base}/`}>{t('toPortal')}</a>
        </p>
        <SignOutButton api={api} t={t} onSignedOut={() => setState({ kind: 'signed-out', ended: false })} />
      </main>
    );
  }
  return (
    <Shell
      api={api}
      t={t}
      session={state.session}
      onSignedOut={() => setState({ kind: 'signed-out', ended: false })}
    />
  );
}

function Shell(props: { api: Api; t: TFunction; session: Session; onSignedOut: () => void }) {
  const { api, t, session } = props;
  // Held as state so that every screen reading the live apps draws again when they change.
  const [liveApps, setLiveApps] = useState<readonly string[]>(api.config.apps);
  const refreshApps = useCallback(async () => {
    const { apps } = await api.get<{ apps: string[] }>('');
    if (apps.join() === api.config.apps.join()) return;
    api.setApps(apps);
    setLiveApps(apps);
  }, [api]);
  const ctx = useMemo<ConsoleContext>(() => {
    const permissions = new Set(session.permissions);
    const tenantWide = new Set(session.tenantPermissions);
    return {
      api,
      session,
      t,
      can: (p) => permissions.has(p),
      canTenantWide: (p) => tenantWide.has(p),
      agencyIds: [...new Set(session.grants.flatMap((g) => (g.agencyId ? [g.agencyId] : [])))],
      roles: session.grants.filter((g) => !g.agencyId).map((g) => g.role),
      liveApps,
      refreshApps,
    };
  }, [api, session, t, liveApps, refreshApps]);
  const { route, search } = useLocation();
  // One live stream for every screen while signed in.
  useEffect(() => {
    connectLive(api, [...new Set(CONSOLE_APPS.flatMap((a) => a.liveEvents ?? []))]);
    return () => disconnectLive();
  }, [api]);
  const menu = menuEntries(ctx, route);
  const home = useHomeRoute(ctx, menu, route.name === 'home');

  if (route.name === 'live') {
    // The wall screen has no menu: it is read from across the room.
    return (
      <Ctx.Provider value={ctx}>
        <LiveRoom />
      </Ctx.Provider>
    );
  }
  const shown: Route | undefined = route.name === 'home' ? home : route;
  return (
    <Ctx.Provider value={ctx}>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <div className="top-row">
          <a className="brand" href={`${api.config.base}/`}>
            {api.config.logoUrl ? <img src={api.config.logoUrl} alt="" width={28} height={28} /> : null}
            <span>{api.config.tenantName}</span>
          </a>
          <span className="product">{t('title')}</span>
          <span className="who">{t('signedInAs', { name: session.user.displayName })}</span>
          <SignOutButton api={api} t={t} onSignedOut={props.onSignedOut} />
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {menu.map((entry) => (
              <li key={entry.path}>
                <Link to={entry.path} current={entry.current}>
                  {t(entry.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        {shown ? <Screen route={shown} search={search} /> : <p className="loading">{t('loading')}</p>}
      </main>
    </Ctx.Provider>
  );
}

/** The main menu: the live apps' entries the session may see, the settings and the LIVE Room. */
function menuEntries(ctx: ConsoleContext, route: Route): MenuEntry[] {
  const segmentOf = (path: string) => path.split('/')[1] ?? '';
  const entries: MenuEntry[] = liveConsoleApps(ctx).flatMap((app) =>
    (app.nav ?? [])
      .filter((n) => n.visible(ctx))
      .map((n) => ({
        path: n.path,
        label: n.label,
        order: n.order,
        ...(n.home !== undefined ? { home: n.home } : {}),
        current: route.name === 'app' && route.segment === segmentOf(n.path),
      })),
  );
  if (liveTiles(ctx).length > 0) {
    entries.push({ path: '/ruang-live', label: 'nav.live', ...LIVE, current: false });
  }
  if (adminSections(ctx).length > 0) {
    entries.push({
      path: '/admin',
      label: 'nav.admin',
      ...ADMIN,
      current: route.name === 'admin',
    });
  }
  return entries.sort((a, b) => a.order - b.order);
}

/** The menu entry with the lowest rank, as a route (none ranked: not found). */
function firstRanked(ranked: ReadonlyArray<{ path: string; rank: number | undefined }>): Route {
  const first = ranked
    .filter((e): e is { path: string; rank: number } => e.rank !== undefined)
    .sort((a, b) => a.rank - b.rank)[0];
  return first ? parseRoute(first.path) : { name: 'unknown' };
}

/**
 * Where the console opens: the menu entry with the lowest `home`, so that each person lands on their
 * own work. An app's `home` may be a function that asks the API (a market officer's markets): the
 * console then waits for the answers (a failed one ranks nothing) while `wanted`.
 */
function useHomeRoute(ctx: ConsoleContext, menu: readonly MenuEntry[], wanted: boolean): Route | undefined {
  const homes = menu.filter((e) => e.home !== undefined);
  const asks = homes.some((e) => typeof e.home === 'function');
  const key = homes.map((e) => e.path).join('|');
  const [resolved, setResolved] = useState<{ key: string; route: Route }>();
  const current = useRef({ ctx, homes });
  current.current = { ctx, homes };
  useEffect(() => {
    if (!wanted || !asks) return;
    let stale = false;
    const { ctx: c, homes: entries } = current.current;
    void Promise.all(
      entries.map(async (e) => ({
        path: e.path,
        rank: typeof e.home === 'function' ? await Promise.resolve(e.home(c)).catch(() => undefined) : e.home,
      })),
    ).then((ranked) => {
      if (!stale) setResolved({ key, route: firstRanked(ranked) });
    });
    return () => {
      stale = true;
    };
  }, [wanted, asks, key]);
  if (!asks) return firstRanked(homes.map((e) => ({ path: e.path, rank: e.home as number })));
  return resolved?.key === key ? resolved.route : undefined;
}

function Screen({ route, search }: { route: Route; search: URLSearchParams }) {
  const ctx = useConsole();
  const { t } = ctx;
  if (route.name === 'admin') return <AdminScreen section={route.section} />;
  const app = route.name === 'app' ? appOfSegment(route.segment) : undefined;
  const AppScreen = route.name === 'app' ? app?.screens?.[route.segment] : undefined;
  if (!app || !AppScreen || route.name !== 'app') return <p className="problem">{t('notFound')}</p>;
  if (!ctx.liveApps.includes(app.code)) {
    return (
      <p className="problem" role="alert">
        {t(app.notLive ?? 'notFound')}
      </p>
    );
  }
  return (
    <Suspense fallback={<p className="loading">{t('loading')}</p>}>
      <AppScreen parts={route.parts} search={search} />
    </Suspense>
  );
}

function SignOutButton(props: { api: Api; t: TFunction; onSignedOut: () => void }) {
  const signOut = async () => {
    try {
      await props.api.post('/auth/logout');
    } catch {
      // Signed out already: nothing to end.
    }
    props.api.setCsrf(null);
    props.onSignedOut();
  };
  return (
    <button type="button" className="link" onClick={signOut}>
      {props.t('signOut')}
    </button>
  );
}

function SignIn(props: { api: Api; t: TFunction; ended: boolean; onSignedIn: (s: Session) => void }) {
  const { api, t } = props;
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onSignedIn(await api.post<Session>('/auth/login', { login: login.trim(), password }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const fields = error?.byField() ?? {};
  return (
    <main id="main" className="narrow">
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro', { tenant: api.config.tenantName })}</p>
      {props.ended ? <p className="notice">{t('sessionEnded')}</p> : null}
      {error && !error.fields.length ? <Problem error={error} /> : null}
      <form onSubmit={submit} className="card" noValidate>
        <Field id="login" label={t('login')} error={fields.login}>
          {(aria) => (
            <input
              {...aria}
              name="login"
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="password" label={t('password')} error={fields.password}>
          {(aria) => (
            <input
              {...aria}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
