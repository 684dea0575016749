/**
 * A site's content: its posts with their publication and review state, filtered by kind, state
 * and words of the title (the filters live in the address, so a filtered list can be shared), and
 * "write" for each kind.
 */
import { type FormEvent, useState } from 'react';
import {
  formatWhen,
  Link,
  navigate,
  Problem,
  Scroll,
  useConsole,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { SiteType } from '../schemas.ts';
import { POST_KINDS, PUBLICATION, REVIEW_STATES } from '../tables.ts';
import { type Posts, sitePath } from './kit.ts';

const FILTERS = ['kind', 'status', 'review', 'q'] as const;

export function PostsSection({ site, search }: { site: string; search: URLSearchParams }) {
  const { api, t, can } = useConsole();
  const query = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const key = FILTERS.map((k) => query[k]).join('|');
  const info = useLoad(() => api.get<SiteType>(sitePath(site)), [site]);
  const posts = useLoad(() => api.get<Posts>(sitePath(site, '/posts'), { ...query, limit: 50 }), [site, key]);
  // Pages after the first, for the filters they were loaded with.
  const [extra, setExtra] = useState<Posts & { key: string }>({ key: '', items: [], next: null });
  const later = extra.key === key ? extra : { items: [], next: null };
  const next = later.items.length ? later.next : (posts.data?.next ?? null);
  const more = () => {
    if (!next) return;
    api
      .get<Posts>(sitePath(site, '/posts'), { ...query, limit: 50, after: next })
      .then((r) => setExtra({ key, items: [...later.items, ...r.items], next: r.next }));
  };
  const items = [...(posts.data?.items ?? []), ...later.items];
  const [draft, setDraft] = useState(query);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTERS) if (draft[k].trim()) params.set(k, draft[k].trim());
    const qs = params.toString();
    navigate(`/websites/${site}${qs ? `?${qs}` : ''}`);
  };
  const name = info.data?.name ?? site;
  const lang = api.config.lang;
  return (
    <section aria-labelledby="site-title" className="websites">
      <h1 id="site-title">{name}</h1>
      <Problem error={info.error} />
      <p className="buttons">
        <Link to="/websites">{t('websites.title')}</Link>
        {info.data ? <a href={info.data.url}>{info.data.url}</a> : null}
        {can(PERM.manage) ? <Link to={`/websites/${site}/pengaturan`}>{t('websites.settings')}</Link> : null}
      </p>
      {can(PERM.write) ? (
        <nav aria-label={t('websites.posts.write')}>
          <ul className="plain buttons">
            {POST_KINDS.map((kind) => (
              <li key={kind}>
                <Link to={`/websites/${site}/tulis/${kind}`} className="button">
                  {t('websites.posts.writeKind', { kind: t(`websites.kind.${kind}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form className="filters" aria-label={t('websites.posts.search')} onSubmit={apply}>
        <label htmlFor="posts-q">{t('websites.posts.search')}</label>
        <input
          id="posts-q"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <label htmlFor="posts-kind">{t('websites.posts.kind')}</label>
        <select
          id="posts-kind"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
        >
          <option value="">{t('websites.posts.any')}</option>
          {POST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`websites.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="posts-status">{t('websites.posts.status')}</label>
        <select
          id="posts-status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        >
          <option value="">{t('websites.posts.any')}</option>
          {PUBLICATION.map((k) => (
            <option key={k} value={k}>
              {t(`websites.status.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="posts-review">{t('websites.posts.review')}</label>
        <select
          id="posts-review"
          value={draft.review}
          onChange={(e) => setDraft({ ...draft, review: e.target.value })}
        >
          <option value="">{t('websites.posts.any')}</option>
          {REVIEW_STATES.map((k) => (
            <option key={k} value={k}>
              {t(`websites.reviewState.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('websites.posts.filter')}</button>
      </form>
      {posts.error?.status === 404 && info.data ? (
        <p className="notice">{t('websites.posts.unavailable')}</p>
      ) : (
        <Problem error={posts.error} />
      )}
      {posts.data && items.length === 0 ? <p>{t('websites.posts.empty')}</p> : null}
      {items.length ? (
        <Scroll label={t('websites.posts.table')}>
          <table id="site-posts">
            <thead>
              <tr>
                <th scope="col">{t('websites.posts.colTitle')}</th>
                <th scope="col">{t('websites.posts.colKind')}</th>
                <th scope="col">{t('websites.posts.colStatus')}</th>
                <th scope="col">{t('websites.posts.colReview')}</th>
                <th scope="col">{t('websites.posts.colAuthor')}</th>
                <th scope="col">{t('websites.posts.colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-post={p.id}>
                  <th scope="row">
                    <Link to={`/websites/${site}/konten/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>{t(`websites.kind.${p.kind}`)}</td>
                  <td>
                    <span className={`badge post-${p.status}`}>{t(`websites.status.${p.status}`)}</span>
                    {p.status === 'scheduled' && p.publishAt
                      ? ` ${formatWhen(p.publishAt, lang, api.config.timeZone)}`
                      : ''}
                  </td>
                  <td>
                    <span className={`badge review-${p.reviewState}`}>
                      {t(`websites.reviewState.${p.reviewState}`)}
                    </span>
                  </td>
                  <td>{p.author ?? ''}</td>
                  <td>{formatWhen(p.updatedAt, lang, api.config.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      {next ? (
        <button type="button" onClick={more}>
          {t('websites.posts.more')}
        </button>
      ) : null}
    </section>
  );
}
