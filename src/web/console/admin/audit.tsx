/**
 * The audit trail: every change, newest first, filtered by action, kind of record, record id,
 * actor and dates (days in the tenant's zone), paged by the server's cursor.
 */
import { type FormEvent, useState } from 'react';
import { Field, formatWhen, Problem, useConsole, useLoad } from '../ui.tsx';
import { CursorPager, Scroll, SectionHead, useCursorPages, ZONE_OFFSETS } from './kit.tsx';

type Row = {
  id: string;
  at: string;
  actorUserId: string | null;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};
type Filters = {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  from: string;
  to: string;
};
type StaffUser = { id: string; displayName: string };

const PAGE = 50;
const EMPTY: Filters = { action: '', entityType: '', entityId: '', actor: '', from: '', to: '' };
const KNOWN_TYPES = [
  'agency',
  'user',
  'holiday',
  'tenant',
  'report_category',
  'adoption',
  'agreement',
  'report',
];

/** The instant a local day starts in the tenant's zone, or the next day's start (for "until"). */
function dayStart(date: string, offset: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const start = new Date(`${date}T00:00:00${offset}`);
  if (next) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}

export function AuditSection() {
  const { api, t, can } = useConsole();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const offset = ZONE_OFFSETS[api.config.timeZone] ?? '+07:00';
  const page = useLoad(
    () =>
      api.get<{ items: Row[]; next: string | null }>('/audit', {
        action: filters.action.trim() || undefined,
        entityType: filters.entityType.trim() || undefined,
        entityId: filters.entityId.trim() || undefined,
        actor: filters.actor || undefined,
        from: dayStart(filters.from, offset),
        to: dayStart(filters.to, offset, true),
        before: cursor,
        limit: PAGE,
      }),
    [filters, cursor],
  );
  const staff = useLoad(
    () =>
      can('platform.user.read')
        ? api.get<{ items: StaffUser[] }>('/users', { kind: 'staff', limit: 200 }).then((r) => r.items)
        : Promise.resolve([] as StaffUser[]),
    [],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    setFilters(draft);
  };
  const clear = () => {
    setDraft(EMPTY);
    pages.reset();
    setFilters(EMPTY);
  };
  const set = (k: keyof Filters, value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const { lang, timeZone } = api.config;
  const problem = page.error;
  const fieldErr = (name: string) => problem?.fields.find((f) => f.path.split('/').pop() === name)?.message;
  return (
    <section aria-labelledby="audit-title">
      <SectionHead id="audit-title" title={t('admin.nav.audit')} intro={t('admin.audit.intro')} />
      <form className="card admin-form" onSubmit={apply} noValidate aria-label={t('admin.audit.filter')}>
        <div className="grid-3">
          <Field
            id="audit-action"
            label={t('admin.audit.action')}
            hint={t('admin.audit.actionHint')}
            error={fieldErr('action')}
          >
            {(aria) => (
              <input
                {...aria}
                value={draft.action}
                onChange={(e) => set('action', e.target.value)}
                list="audit-actions"
              />
            )}
          </Field>
          <Field id="audit-entityType" label={t('admin.audit.entityType')} error={fieldErr('entityType')}>
            {(aria) => (
              <input
                {...aria}
                value={draft.entityType}
                onChange={(e) => set('entityType', e.target.value)}
                list="audit-types"
              />
            )}
          </Field>
          <Field id="audit-entityId" label={t('admin.audit.entityId')} error={fieldErr('entityId')}>
            {(aria) => (
              <input {...aria} value={draft.entityId} onChange={(e) => set('entityId', e.target.value)} />
            )}
          </Field>
          <Field id="audit-actor" label={t('admin.audit.actor')} error={fieldErr('actor')}>
            {(aria) => (
              <select {...aria} value={draft.actor} onChange={(e) => set('actor', e.target.value)}>
                <option value="">{t('admin.audit.anyActor')}</option>
                {(staff.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-from" label={t('admin.audit.from')} error={fieldErr('from')}>
            {(aria) => (
              <input {...aria} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
            )}
          </Field>
          <Field id="audit-to" label={t('admin.audit.to')} error={fieldErr('to')}>
            {(aria) => (
              <input {...aria} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
            )}
          </Field>
        </div>
        <datalist id="audit-types">
          {KNOWN_TYPES.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <datalist id="audit-actions">
          {[...new Set((page.data?.items ?? []).map((r) => r.action))].sort().map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('admin.audit.filter')}
          </button>
          <button type="button" onClick={clear}>
            {t('admin.audit.clear')}
          </button>
        </div>
      </form>
      <Problem error={problem} />
      {page.data && page.data.items.length === 0 ? <p className="empty">{t('admin.audit.empty')}</p> : null}
      {page.data && page.data.items.length > 0 ? (
        <Scroll label={t('admin.nav.audit')}>
          <table className="list audit" aria-labelledby="audit-title">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <td>
                    <time dateTime={r.at}>{formatWhen(r.at, lang, timeZone)}</time>
                  </td>
                  <td>
                    {r.actor ?? t('admin.audit.system')}
                    {r.ip ? <span className="muted mono"> {r.ip}</span> : null}
                  </td>
                  <td className="mono">{r.action}</td>
                  <td>
                    <span className="mono">{r.entityType}</span>
                    {r.entityId ? <span className="mono muted"> {r.entityId}</span> : null}
                  </td>
                  <td>
                    {r.before != null || r.after != null ? (
                      <details>
                        <summary>{t('admin.audit.details')}</summary>
                        {r.before != null ? (
                          <>
                            <p className="muted">{t('admin.audit.before')}</p>
                            <pre>{JSON.stringify(r.before, null, 2)}</pre>
                          </>
                        ) : null}
                        {r.after != null ? (
                          <>
                            <p className="muted">{t('admin.audit.after')}</p>
                            <pre>{JSON.stringify(r.after, null, 2)}</pre>
                          </>
                        ) : null}
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <CursorPager
        pages={pages}
        next={page.data?.next}
        label={t('pages')}
        pageText={t('admin.audit.page', { n: pages.n })}
        previousText={t('admin.previous')}
        nextText={t('admin.next')}
      />
    </section>
  );
}
