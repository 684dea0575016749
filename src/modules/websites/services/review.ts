/**
 * Review of a post's head revision, stage by stage up to the site's review_stages. Four eyes:
 * nobody approves a revision they wrote, nor two stages of one revision. Every decision is kept
 * in websites_reviews; returning sends the post back to draft.
 */
import { type AgencyAccess, AppError, newId, type TenantScope } from '../../../platform/sdk/index.ts';
import { findRevision, insertReview, listReviews, updatePost } from '../repo/posts.ts';
import { changed, detailOf, postForStaff } from './posts.ts';
import { siteForStaff } from './sites.ts';

const notHead = (revision: number, head: number) =>
  new AppError('conflict', { detailKey: 'not_head_revision', params: { revision, head } });

/** Sends the head revision to review; with no review stages it is approved at once. */
export async function submitForReview(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  revision: number,
  access: AgencyAccess,
  portalBase: string,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id, true);
  if (revision !== post.head_revision) throw notHead(revision, post.head_revision);
  if (post.review_state !== 'draft')
    throw new AppError('invalid_transition', { detailKey: 'already_in_review' });
  const state = site.review_stages === 0 ? 'approved' : 'in_review';
  await updatePost(scope, id, { review_state: state, review_stage: 0 });
  await changed(scope, post, 'submit', { revision, reviewState: state });
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}

export async function reviewPost(
  scope: TenantScope,
  siteSlug: string,
  id: string,
  input: { decision: 'approve' | 'return'; note?: string; revision: number },
  access: AgencyAccess,
  portalBase: string,
) {
  const site = await siteForStaff(scope, siteSlug, access);
  const post = await postForStaff(scope, site, id, true);
  if (input.revision !== post.head_revision) throw notHead(input.revision, post.head_revision);
  if (post.review_state !== 'in_review')
    throw new AppError('invalid_transition', { detailKey: 'not_in_review' });
  const me = scope.actor.userId;
  if (!me) throw new AppError('forbidden');
  const revision = await findRevision(scope, id, input.revision);
  if (input.decision === 'approve') {
    if (revision?.author_id === me) throw new AppError('forbidden', { detailKey: 'own_revision' });
    const mine = (await listReviews(scope, id)).some(
      (r) => r.revision === input.revision && r.reviewer_id === me && r.decision === 'approve',
    );
    if (mine) throw new AppError('forbidden', { detailKey: 'second_stage_same_reviewer' });
  }
  const stage = post.review_stage + 1;
  await insertReview(scope, {
    id: newId(),
    post_id: id,
    revision: input.revision,
    stage,
    decision: input.decision,
    note: input.note?.trim() || null,
    reviewer_id: me,
  });
  const patch =
    input.decision === 'return'
      ? { review_state: 'draft' as const, review_stage: 0 }
      : stage >= site.review_stages
        ? { review_state: 'approved' as const, review_stage: stage }
        : { review_stage: stage };
  await updatePost(scope, id, patch);
  await changed(scope, post, `review.${input.decision}`, {
    revision: input.revision,
    stage,
    note: input.note ?? null,
  });
  return detailOf(scope, site, await postForStaff(scope, site, id), portalBase);
}
