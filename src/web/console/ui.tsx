/**
 * The console's small kit: the context every screen reads (API, session, translation), data
 * loading with its error, links that stay in the page, fields that show their error beside them,
 * and dates in the tenant's time zone.
 */
import type { TFunction } from 'i18next';
import {
  createContext,
  type DependencyList,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { type Api, ApiError, type Session } from './api.ts';
import { navigate, pathTo } from './router.ts';

export type ConsoleContext = {
  api: Api;
  session: Session;
  t: TFunction;
  /** Whether the session holds a permission somewhere (a tenant-wide or an agency grant). */
  can: (permission: string) => boolean;
  /** Whether the session holds a permission in the whole tenant (a grant without an agency). */
  canTenantWide: (permission: string) => boolean;
  /** The agency ids where the session holds any grant (agency staff). */
  agencyIds: string[];
  /** The tenant-wide grants' roles. */
  roles: string[];
  /** The codes of the apps live for the tenant (as `api.config.apps`, kept current). */
  liveApps: readonly string[];
  /**
   * Reads the apps live for the tenant again, after an administrator took one live or paused it:
   * the menu and the settings' sections follow at once, without reloading the page.
   */
  refreshApps: () => Promise<void>;
};

export const Ctx = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useConsole outside the console');
  return ctx;
}

export type Loaded<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/** Loads data for a screen; `reload()` loads it again (after an action, or on a live event). */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState((s) => ({
          data: s.data,
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)),
          loading: false,
        })),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A link to a console path that changes screen without reloading the page. */
export function Link(props: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={pathTo(props.to)}
      onClick={onClick}
      className={props.className}
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}

/** A problem from the API, shown where the screen's content would be. */
/** What a console address that names no screen shows. */
export function NotFound() {
  const { t } = useConsole();
  return <p className="problem">{t('notFound')}</p>;
}

export function Problem({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <div className="problem" role="alert">
      {error.message}
    </div>
  );
}

/** A labelled control with its error tied to it. */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children({
        id: props.id,
        ...(props.error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {props.error ? (
        <p className="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter in the console's language, made once per language, zone and style and kept:
 * `when` a date and time, `day` a short calendar day with its weekday, `longDay` the same in full.
 */
export function dateFormat(lang: 'id' | 'en', timeZone: string, style: 'when' | 'day' | 'longDay') {
  const key = `${lang}|${timeZone}|${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'when'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : style === 'day'
          ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }
          : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    dateFormats.set(key, f);
  }
  return f;
}

/** A date and time in the tenant's zone and the console's language. */
export function formatWhen(iso: string | null | undefined, lang: 'id' | 'en', timeZone: string): string {
  if (!iso) return '';
  return dateFormat(lang, timeZone, 'when').format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as the console's language writes it: `Sen, 14 Des 2026` (or in full). */
export function formatDay(day: string, lang: 'id' | 'en', style: 'day' | 'longDay' = 'day'): string {
  return dateFormat(lang, 'UTC', style).format(new Date(`${day}T00:00:00Z`));
}
