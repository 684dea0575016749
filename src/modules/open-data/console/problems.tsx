/**
 * A form's outcome with an error summary: the server's refusal said once at the top, each refused
 * field listed with a link that moves to it (the same message also stands beside the field), or
 * the success notice. A field's message is looked up by its path, or by the path's first part for
 * a list's item (`keywords/2` → `keywords`).
 */
import type { MouseEvent } from 'react';
import { ApiError, errorsByPath } from '../../../platform/sdk/console.ts';

export type FieldTargets = Record<string, { id: string; label: string }>;

/** The field a refused path stands beside. */
function targetOf(path: string, fields: FieldTargets) {
  return fields[path] ?? fields[path.split('/')[0] ?? ''];
}

/**
 * A refusal made before asking the server (a form sent without its file, a return without its
 * note), shown as the server's are; the server refuses the same.
 */
export function refusal(field: string, message: string, summary: string): ApiError {
  return new ApiError(400, 'validation', summary, [{ path: `/body/${field}`, code: 'required', message }]);
}

/** A field's message: its own, or the first of a part of it (`spatialBbox/1`). */
export function fieldError(error: ApiError | undefined, key: string): string | undefined {
  const errors = errorsByPath(error);
  if (errors[key]) return errors[key];
  return Object.entries(errors).find(([path]) => path.startsWith(`${key}/`))?.[1];
}

export function ErrorSummary({ error, fields }: { error: ApiError | undefined; fields: FieldTargets }) {
  if (!error) return null;
  const items = Object.entries(errorsByPath(error));
  const go = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <div className="problem" role="alert">
      <p>{error.message}</p>
      {items.length ? (
        <ul>
          {items.map(([path, message]) => {
            const target = targetOf(path, fields);
            return (
              <li key={path}>
                {target ? (
                  <a href={`#${target.id}`} onClick={go(target.id)}>
                    {target.label}: {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** The summary of a form's refusal, or its success notice. */
export function FormOutcome({
  form,
  fields,
}: {
  form: { error: ApiError | undefined; done: string };
  fields: FieldTargets;
}) {
  return (
    <>
      <ErrorSummary error={form.error} fields={fields} />
      {form.done ? (
        <p className="notice" role="status">
          {form.done}
        </p>
      ) : null}
    </>
  );
}
