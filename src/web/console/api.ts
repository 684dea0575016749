/**
 * The console's one way to the server: the same public API that everyone else uses (OpenAPI at
 * `/api/openapi.json`). It sends the session's CSRF token on unsafe requests, asks for answers in
 * the console's language, and turns problem documents (RFC 9457) into `ApiError`s that screens
 * show beside their fields.
 */

/** What the server tells the page it renders: the tenant, its branding and the map settings. */
export type ConsoleConfig = {
  /** The tenant's root path, `/t/<slug>`; API calls go to `<base>/api/v1/…`. */
  base: string;
  slug: string;
  tenantName: string;
  lang: 'id' | 'en';
  primaryColor: string;
  logoUrl: string | null;
  tileUrl: string | null;
  tileAttribution: string;
  /** The tenant's IANA time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura): dates are shown in it. */
  timeZone: string;
  /** The tenant's area as GeoJSON (or null), for the maps. */
  area: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  /** The codes of the apps live for the tenant: their screens and menus show only then. */
  apps: string[];
  /** Whether the API serves the development mailbox (outside production): its screen shows only then. */
  devMailbox: boolean;
};

/** A refused field; a problem in an uploaded file (a CSV import) also names its line and column. */
export type FieldProblem = { path: string; code: string; message: string; line?: number; column?: string };

/** A problem document from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
  /** Field messages by the field's last path segment (`/body/agencyId` → `agencyId`). */
  byField(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const name = f.path.split('/').filter(Boolean).pop() ?? '';
      out[name] ??= f.message;
    }
    return out;
  }
}

export type Session = {
  user: { id: string; kind: string; displayName: string };
  grants: { id: string; role: string; agencyId: string | null }[];
  /** Held somewhere: in the whole tenant or in some agency. */
  permissions: string[];
  /** Held in the whole tenant (grants without an agency). */
  tenantPermissions: string[];
  csrfToken: string | null;
};

type Listener = () => void;

export class Api {
  config: ConsoleConfig;
  #csrf: string | null = null;
  #onUnauthenticated: Listener | undefined;

  constructor(config: ConsoleConfig) {
    this.config = config;
  }

  /** Called when the session has ended (a 401 from any call). */
  onUnauthenticated(listener: Listener) {
    this.#onUnauthenticated = listener;
  }

  /** The apps live for the tenant changed (an administrator took one live or paused it). */
  setApps(apps: string[]) {
    this.config = { ...this.config, apps };
  }

  setCsrf(token: string | null) {
    this.#csrf = token;
  }

  url(path: string, query?: Record<string, unknown>): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
      else params.set(k, String(v));
    }
    const qs = params.toString();
    return `${this.config.base}/api/v1${path}${qs ? `?${qs}` : ''}`;
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Record<string, unknown>; body?: unknown; form?: FormData } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': this.config.lang,
    };
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (method !== 'GET' && this.#csrf) headers['x-csrf-token'] = this.#csrf;
    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(
        0,
        'network',
        this.config.lang === 'id' ? 'Tidak tersambung ke server.' : 'Cannot reach the server.',
      );
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: a proxy's error page, say. The status still tells what happened.
      data = undefined;
    }
    if (!response.ok) {
      const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] };
      const error = new ApiError(
        response.status,
        p.code ?? 'unknown',
        p.detail ?? p.title ?? response.statusText,
        p.errors ?? [],
      );
      if (response.status === 401 && path !== '/auth/login') this.#onUnauthenticated?.();
      throw error;
    }
    return data as T;
  }

  get<T>(path: string, query?: Record<string, unknown>) {
    return this.request<T>('GET', path, { query });
  }
  post<T>(path: string, body?: unknown) {
    return this.request<T>('POST', path, { body: body ?? {} });
  }
  put<T>(path: string, body: unknown) {
    return this.request<T>('PUT', path, { body });
  }
  patch<T>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, { body });
  }
  delete<T>(path: string) {
    return this.request<T>('DELETE', path);
  }
  upload<T>(path: string, form: FormData) {
    return this.request<T>('POST', path, { form });
  }
}

/** Reads the configuration the server embedded in the page (or derives it from the address). */
export function readConfig(): ConsoleConfig {
  const el = document.getElementById('balai-config');
  if (el?.textContent) return JSON.parse(el.textContent) as ConsoleConfig;
  const slug = /^\/t\/([a-z0-9-]+)\//.exec(location.pathname)?.[1] ?? '';
  return {
    base: `/t/${slug}`,
    slug,
    tenantName: slug,
    lang: navigator.language.startsWith('id') ? 'id' : 'en',
    primaryColor: '#0b5cad',
    logoUrl: null,
    tileUrl: null,
    tileAttribution: '',
    area: null,
    timeZone: 'Asia/Jakarta',
    apps: [],
    devMailbox: false,
  };
}
