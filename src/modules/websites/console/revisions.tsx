/**
 * A post's revisions (their own chunk): number, author, time and note of each; the difference
 * between two, field by field, with added and removed words in <ins> and <del> (marked by more
 * than colour: the elements say it to screen readers, and the styles strike and underline); and
 * restoring one as a new revision (publishers).
 */
import { type FormEvent, useState } from 'react';
import {
  ApiError,
  formatWhen,
  Link,
  navigate,
  Problem,
  Scroll,
  useConsole,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { PostDetailType } from '../schemas.ts';
import { sitePath } from './kit.ts';

type RevisionRow = {
  number: number;
  title: string;
  note: string | null;
  restoredFrom: number | null;
  author: string | null;
  createdAt: string;
};
type Diff = {
  from: number;
  to: number;
  fields: Array<{ field: string; parts: Array<{ value: string; added: boolean; removed: boolean }> }>;
};

export default function RevisionsScreen(props: { site: string; postId: string; search: URLSearchParams }) {
  const { api, t, can } = useConsole();
  const base = sitePath(props.site, `/posts/${props.postId}`);
  const post = useLoad(() => api.get<PostDetailType>(base), [base]);
  const list = useLoad(() => api.get<{ items: RevisionRow[] }>(`${base}/revisions`), [base]);
  const from = Number(props.search.get('from') ?? '') || undefined;
  const to = Number(props.search.get('to') ?? '') || undefined;
  const diff = useLoad(
    () => (from && to ? api.get<Diff>(`${base}/diff`, { from, to }) : Promise.resolve(undefined)),
    [base, from, to],
  );
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.number - a.number);
  const [pick, setPick] = useState<{ from: string; to: string }>({
    from: String(from ?? ''),
    to: String(to ?? ''),
  });
  const latest = items[0]?.number;
  const fromValue = pick.from || String(items[1]?.number ?? latest ?? '');
  const toValue = pick.to || String(latest ?? '');
  const compare = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/websites/${props.site}/konten/${props.postId}/revisi?from=${fromValue}&to=${toValue}`);
  };
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');
  const restore = (n: number) => {
    setError(undefined);
    setDone('');
    api.post(`${base}/revisions/${n}/restore`, {}).then(
      () => {
        setDone(t('websites.revisions.restored', { n }));
        list.reload();
        post.reload();
      },
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err))),
    );
  };
  const lang = api.config.lang;
  const zone = api.config.timeZone;
  const options = items.map((r) => (
    <option key={r.number} value={r.number}>
      {r.number}
    </option>
  ));
  return (
    <section aria-labelledby="revisions-title" className="websites revisions">
      <h1 id="revisions-title">{t('websites.revisions.title', { title: post.data?.head.title ?? '' })}</h1>
      <p>
        <Link to={`/websites/${props.site}/konten/${props.postId}`}>{t('websites.revisions.back')}</Link>
      </p>
      <Problem error={post.error ?? list.error} />
      {items.length ? (
        <Scroll label={t('websites.revisions.table')}>
          <table id="revisions">
            <thead>
              <tr>
                <th scope="col">{t('websites.revisions.number')}</th>
                <th scope="col">{t('websites.revisions.author')}</th>
                <th scope="col">{t('websites.revisions.time')}</th>
                <th scope="col">{t('websites.revisions.note')}</th>
                {can(PERM.publish) ? <td /> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.number} data-revision={r.number}>
                  <th scope="row">{r.number}</th>
                  <td>{r.author ?? ''}</td>
                  <td>{formatWhen(r.createdAt, lang, zone)}</td>
                  <td>{r.note ?? ''}</td>
                  {can(PERM.publish) ? (
                    <td>
                      {r.number !== latest ? (
                        <button type="button" onClick={() => restore(r.number)}>
                          {t('websites.revisions.restore', { n: r.number })}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <Problem error={error} />
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      {items.length > 1 ? (
        <form className="filters" onSubmit={compare}>
          <label htmlFor="diff-from">{t('websites.revisions.from')}</label>
          <select
            id="diff-from"
            value={fromValue}
            onChange={(e) => setPick({ ...pick, from: e.target.value })}
          >
            {options}
          </select>
          <label htmlFor="diff-to">{t('websites.revisions.to')}</label>
          <select id="diff-to" value={toValue} onChange={(e) => setPick({ ...pick, to: e.target.value })}>
            {options}
          </select>
          <button type="submit">{t('websites.revisions.compare')}</button>
        </form>
      ) : null}
      <Problem error={diff.error} />
      {diff.data ? <DiffView diff={diff.data} /> : null}
    </section>
  );
}

function DiffView({ diff }: { diff: Diff }) {
  const { t } = useConsole();
  const changed = diff.fields.filter((f) => f.parts.some((p) => p.added || p.removed));
  return (
    <section aria-labelledby="diff-title" id="revision-diff">
      <h2 id="diff-title">{t('websites.revisions.diff', { from: diff.from, to: diff.to })}</h2>
      {changed.length === 0 ? <p>{t('websites.revisions.noChange')}</p> : null}
      <dl>
        {changed.map((f) => (
          <div key={f.field} data-field={f.field}>
            <dt>{t(`websites.revisions.field.${f.field}`, { defaultValue: f.field })}</dt>
            <dd className="diff">
              {f.parts.map((p, i) =>
                p.added ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
                  <ins key={i}>
                    <span className="sr-only">{`${t('websites.revisions.added')}: `}</span>
                    {p.value}
                  </ins>
                ) : p.removed ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
                  <del key={i}>
                    <span className="sr-only">{`${t('websites.revisions.removed')}: `}</span>
                    {p.value}
                  </del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
                  <span key={i}>{p.value}</span>
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
