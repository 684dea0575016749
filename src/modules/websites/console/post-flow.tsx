/**
 * A post's way to the public: submit for review (writers), approve or return with a note
 * (reviewers), publish now or at a time on the tenant's clock, unpublish (publishers). Each button
 * shows only to those holding its permission and only in the state where it applies; the server
 * decides again (nobody approves their own revision, for one).
 */
import { useState } from 'react';
import { ApiError, Field, formatWhen, Problem, useConsole } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { PostDetailType, SiteType } from '../schemas.ts';
import { instantOf, sitePath } from './kit.ts';

export function PostFlow(props: {
  site: SiteType;
  post: PostDetailType;
  /** The editor holds changes not saved yet: acting now would act on the saved revision. */
  dirty: boolean;
  /** The post as the action left it (every action answers the post). */
  onChanged: (post: PostDetailType) => void;
}) {
  const { api, t, can } = useConsole();
  const { post, site } = props;
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  // The notice belongs to the revision acted on: a later save makes it stale.
  const [done, setDone] = useState<{ message: string; revision: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = api.config.timeZone;
  const path = (action: string) => sitePath(site.slug, `/posts/${post.id}/${action}`);
  const act = (run: () => Promise<PostDetailType>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone(null);
    run().then(
      (changed) => {
        setBusy(false);
        setDone({ message, revision: changed.headRevision });
        setNote('');
        props.onChanged(changed);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      },
    );
  };
  const revision = post.headRevision;
  const inReview = post.reviewState === 'in_review';
  const approved = post.reviewState === 'approved';
  // With no review stage, submitting approves at once: the publisher then publishes.
  const mayWrite = can(PERM.write) && post.reviewState === 'draft';
  const mayReview = can(PERM.review) && inReview;
  const headPublished = post.publishedRevision === revision && post.status === 'published';
  const mayPublish = can(PERM.publish) && approved && !headPublished;
  const mayUnpublish = can(PERM.publish) && (post.status === 'published' || post.status === 'scheduled');
  const notice = done?.revision === revision ? done.message : '';
  // After an action that leaves this person nothing to do (a contributor who has just submitted),
  // its notice or its problem still shows.
  const idle = !mayWrite && !mayReview && !mayPublish && !mayUnpublish;
  if (idle && !post.reviews.length && !notice && !error) return null;
  const lang = api.config.lang;
  return (
    <section className="post-flow" aria-labelledby="flow-title">
      <h2 id="flow-title">{t('websites.flow.actions')}</h2>
      {post.reviews.length ? (
        <>
          <h3>{t('websites.flow.reviews')}</h3>
          <ul id="post-reviews">
            {post.reviews.map((r) => (
              <li key={`${r.revision}-${r.stage}-${r.at}`}>
                {t('websites.flow.reviewLine', {
                  revision: r.revision,
                  stage: r.stage,
                  decision: t(`websites.flow.decision.${r.decision}`),
                  reviewer: r.reviewer,
                  at: formatWhen(r.at, lang, zone),
                })}
                {r.note ? <blockquote>{r.note}</blockquote> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayWrite ? (
        <button
          type="button"
          disabled={busy || props.dirty}
          onClick={() =>
            act(() => api.post<PostDetailType>(path('submit'), { revision }), t('websites.flow.submitted'))
          }
        >
          {t('websites.flow.submit')}
        </button>
      ) : null}
      {mayReview ? (
        <div className="review">
          <Field id="review-note" label={t('websites.flow.reviewNote')} error={noteError}>
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
          <div className="buttons">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(
                  () =>
                    api.post<PostDetailType>(path('reviews'), {
                      decision: 'approve',
                      revision,
                      ...(note.trim() ? { note: note.trim() } : {}),
                    }),
                  t('websites.flow.approved'),
                )
              }
            >
              {t('websites.flow.approve')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                // A return without a note leaves the author guessing: asked for here.
                if (!note.trim()) return setNoteError(t('websites.flow.noteRequired'));
                setNoteError(undefined);
                act(
                  () =>
                    api.post<PostDetailType>(path('reviews'), {
                      decision: 'return',
                      revision,
                      note: note.trim(),
                    }),
                  t('websites.flow.returned'),
                );
              }}
            >
              {t('websites.flow.return')}
            </button>
          </div>
        </div>
      ) : null}
      {mayPublish ? (
        <div className="publish">
          <button
            type="button"
            disabled={busy || props.dirty}
            onClick={() =>
              act(() => api.post<PostDetailType>(path('publish'), { revision }), t('websites.flow.published'))
            }
          >
            {t('websites.flow.publishNow')}
          </button>
          <Field id="publish-at" label={t('websites.flow.scheduleAt', { zone })}>
            {(aria) => (
              <input {...aria} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
            )}
          </Field>
          <button
            type="button"
            disabled={busy || props.dirty || !at}
            onClick={() =>
              act(
                () => api.post<PostDetailType>(path('publish'), { revision, at: instantOf(at, zone) }),
                t('websites.flow.scheduled'),
              )
            }
          >
            {t('websites.flow.schedule')}
          </button>
        </div>
      ) : null}
      {mayUnpublish ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            act(() => api.post<PostDetailType>(path('unpublish'), {}), t('websites.flow.unpublished'))
          }
        >
          {t('websites.flow.unpublish')}
        </button>
      ) : null}
      <Problem error={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
