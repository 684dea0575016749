/**
 * What every admin form shares: its values as typed (kept when the server refuses them), the
 * refusal's field messages by path (`/body/branding/primaryColor` → `branding/primaryColor`), a
 * busy flag, and the success notice. Nothing is changed locally until the server said yes.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../api.ts';
import { Problem } from '../ui.tsx';

/** A field's messages by its path under the request part (`code`, `deadlines/verifyDays`). */
export function errorsByPath(error: ApiError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) {
    const parts = f.path.split('/').filter(Boolean);
    if (['body', 'params', 'querystring'].includes(parts[0] ?? '')) parts.shift();
    out[parts.join('/')] ??= f.message;
  }
  return out;
}

export type Form<T> = {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  reset: (values: T) => void;
  error: ApiError | undefined;
  /** The message for a field, by its path under the body. */
  err: (path: string) => string | undefined;
  busy: boolean;
  done: string;
  /** Runs the request; on success shows `message` and calls `after` (e.g. a reload). */
  submit: (run: () => Promise<unknown>, message: string, after?: () => void) => (e?: FormEvent) => void;
};

export function useForm<T extends object>(initial: T): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const errors = errorsByPath(error);
  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    reset: (next) => {
      setValues(next);
      setError(undefined);
    },
    error,
    err: (path) => errors[path],
    busy,
    done,
    submit: (run, message, after) => (e) => {
      e?.preventDefault();
      setBusy(true);
      setError(undefined);
      setDone('');
      run().then(
        () => {
          setBusy(false);
          setDone(message);
          after?.();
        },
        (err: unknown) => {
          setBusy(false);
          setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
        },
      );
    },
  };
}

/** The form's outcome: the refusal (its summary) or the success notice. */
export function Outcome({
  form,
}: {
  form: Form<unknown> | Form<never> | { error?: ApiError; done: string };
}) {
  return (
    <>
      <Problem error={form.error} />
      {form.done ? (
        <p className="notice" role="status">
          {form.done}
        </p>
      ) : null}
    </>
  );
}

/** A section's heading and introduction. */
export function SectionHead({ id, title, intro }: { id: string; title: string; intro?: ReactNode }) {
  return (
    <>
      <h1 id={id}>{title}</h1>
      {intro ? <p className="lead">{intro}</p> : null}
    </>
  );
}

/** A whole number typed in a field, or undefined when it is empty (the server checks the range). */
export function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : (trimmed as unknown as number);
}

/** The offset of the tenant's zone (Indonesia has no daylight saving time). */
export const ZONE_OFFSETS: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A wide table's box: it scrolls sideways on a phone and can be scrolled from the keyboard. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** A list paged by the server's cursor: the cursors of the pages seen so far (the first has none). */
export type CursorPages = {
  cursor: string | undefined;
  /** Which page is shown, from 1. */
  n: number;
  back: () => void;
  forward: (next: string) => void;
  /** Back to the first page (the filters changed). */
  reset: () => void;
};

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    cursor: cursors.at(-1),
    n: cursors.length,
    back: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    forward: (next) => setCursors((c) => [...c, next]),
    reset: () => setCursors([undefined]),
  };
}

/** Previous and next buttons around the page's number; `onTurn` runs before either turn. */
export function CursorPager(props: {
  pages: CursorPages;
  next: string | null | undefined;
  label: string;
  pageText: string;
  previousText: string;
  nextText: string;
  onTurn?: () => void;
}) {
  const { pages, next } = props;
  return (
    <nav className="pager" aria-label={props.label}>
      <button
        type="button"
        disabled={pages.n <= 1}
        onClick={() => {
          props.onTurn?.();
          pages.back();
        }}
      >
        {props.previousText}
      </button>
      <span>{props.pageText}</span>
      <button
        type="button"
        disabled={!next}
        onClick={() => {
          if (!next) return;
          props.onTurn?.();
          pages.forward(next);
        }}
      >
        {props.nextText}
      </button>
    </nav>
  );
}
