/**
 * The content API: a site's posts for staff, their revisions (list, one, diff, restore), review
 * and publication. Writing needs the write permission at the site's agency, reviewing the review
 * permission, publishing (and restoring) the publish permission.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  PostDetail,
  PostInput,
  type PostInputType,
  PostKind,
  PostParams,
  Posts,
  PublishInput,
  ReviewInput,
  Revision,
  RevisionDiff,
  RevisionParams,
  Revisions,
  SiteParams,
} from '../schemas.ts';
import {
  createPost,
  diffRevisions,
  oneRevision,
  postsOfSite,
  readPost,
  restoreRevision,
  revisionsOfPost,
  savePost,
} from '../services/posts.ts';
import { publishPost, unpublishPost } from '../services/publish.ts';
import { reviewPost, submitForReview } from '../services/review.ts';
import { PUBLICATION, REVIEW_STATES } from '../tables.ts';
import { BASE, inTenantAs, tags } from './api.ts';

const PostQuery = Type.Object(
  {
    kind: Type.Optional(PostKind),
    status: Type.Optional(Type.Enum(PUBLICATION)),
    review: Type.Optional(Type.Enum(REVIEW_STATES)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const DiffQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    to: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
const SubmitInput = Type.Object(
  { revision: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false, examples: [{ revision: 2 }] },
);

type Site = Static<typeof SiteParams>;
type Post = Static<typeof PostParams>;
type Rev = Static<typeof RevisionParams>;

const POSTS = `${BASE}/sites/:site/posts`;
const ONE = `${POSTS}/:id`;

export function postRoutes(app: FastifyInstance, platform: Platform) {
  const act = inTenantAs(platform);
  const write = { permission: PERM.write, agencyScoped: true };

  app.get<{ Params: Site; Querystring: Static<typeof PostQuery> }>(
    POSTS,
    {
      schema: {
        tags,
        summary: "A website's posts for staff",
        description:
          'Pages, news, announcements, agenda items, documents and galleries of a website, the latest change first, with filters by kind, publication status, review state and words of the title; `next` pages on.',
        params: SiteParams,
        querystring: PostQuery,
        response: { 200: Posts },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access) => postsOfSite(scope, request.params.site, request.query, access)),
  );

  app.post<{ Params: Site; Body: PostInputType }>(
    POSTS,
    {
      schema: {
        tags,
        summary: 'Write a new post',
        description:
          'Creates a post with its first revision: the body is sanitised, the slug made from the title when absent (unique per site and kind), the details checked against the kind. A draft until reviewed and published.',
        params: SiteParams,
        body: PostInput,
        response: { 201: PostDetail },
      },
      config: write,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await act(request, (scope, access, base) =>
            createPost(scope, request.params.site, request.body, access, base),
          ),
        ),
  );

  app.get<{ Params: Post }>(
    ONE,
    {
      schema: {
        tags,
        summary: 'One post with its head revision',
        description:
          'A post as the editor opens it: its publication, its head revision and the review decisions.',
        params: PostParams,
        response: { 200: PostDetail },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        readPost(scope, request.params.site, request.params.id, access, base),
      ),
  );

  app.put<{ Params: Post; Body: PostInputType }>(
    ONE,
    {
      schema: {
        tags,
        summary: 'Save a post (a new revision)',
        description:
          'Saves the post as a new head revision and returns it to draft review; the published copy stays until the next publication. A save from an older revision than the head (`baseRevision`) is refused with 409 and nothing is lost.',
        params: PostParams,
        body: PostInput,
        response: { 200: PostDetail },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        savePost(scope, request.params.site, request.params.id, request.body, access, base),
      ),
  );

  app.get<{ Params: Post }>(
    `${ONE}/revisions`,
    {
      schema: {
        tags,
        summary: "A post's revisions",
        description:
          'Every saved revision of the post, the newest first, with author, time, note and where it was restored from.',
        params: PostParams,
        response: { 200: Revisions },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access) => revisionsOfPost(scope, request.params.site, request.params.id, access)),
  );

  app.get<{ Params: Rev }>(
    `${ONE}/revisions/:number`,
    {
      schema: {
        tags,
        summary: 'One revision of a post',
        description:
          'A saved revision in full: title, slug, summary, sanitised body, details, terms and author.',
        params: RevisionParams,
        response: { 200: Revision },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access) =>
        oneRevision(scope, request.params.site, request.params.id, request.params.number, access),
      ),
  );

  app.get<{ Params: Post; Querystring: Static<typeof DiffQuery> }>(
    `${ONE}/diff`,
    {
      schema: {
        tags,
        summary: 'What changed between two revisions',
        description:
          "A word-by-word difference of the title, the summary and the body's text from one revision to another.",
        params: PostParams,
        querystring: DiffQuery,
        response: { 200: RevisionDiff },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access) =>
        diffRevisions(
          scope,
          request.params.site,
          request.params.id,
          request.query.from,
          request.query.to,
          access,
        ),
      ),
  );

  app.post<{ Params: Rev }>(
    `${ONE}/revisions/:number/restore`,
    {
      schema: {
        tags,
        summary: 'Restore a revision',
        description:
          'Makes a new head revision copying an older one (marked `restoredFrom`); it goes through review again before it can be published.',
        params: RevisionParams,
        response: { 200: PostDetail },
      },
      config: { permission: PERM.publish, agencyScoped: true },
    },
    (request) =>
      act(request, (scope, access, base) =>
        restoreRevision(scope, request.params.site, request.params.id, request.params.number, access, base),
      ),
  );

  app.post<{ Params: Post; Body: Static<typeof SubmitInput> }>(
    `${ONE}/submit`,
    {
      schema: {
        tags,
        summary: 'Send the head revision to review',
        description:
          "Sends the post's head revision to its website's review stages; on a website without review stages it is approved at once.",
        params: PostParams,
        body: SubmitInput,
        response: { 200: PostDetail },
      },
      config: write,
    },
    (request) =>
      act(request, (scope, access, base) =>
        submitForReview(scope, request.params.site, request.params.id, request.body.revision, access, base),
      ),
  );

  app.post<{ Params: Post; Body: Static<typeof ReviewInput> }>(
    `${ONE}/reviews`,
    {
      schema: {
        tags,
        summary: 'Approve or return a revision at its review stage',
        description:
          'Decides the current review stage of the head revision, with a note. Nobody approves a revision they wrote, nor two stages of one revision; returning sends the post back to draft.',
        params: PostParams,
        body: ReviewInput,
        response: { 200: PostDetail },
      },
      config: { permission: PERM.review, agencyScoped: true },
    },
    (request) =>
      act(request, (scope, access, base) =>
        reviewPost(scope, request.params.site, request.params.id, request.body, access, base),
      ),
  );

  app.post<{ Params: Post; Body: Static<typeof PublishInput> }>(
    `${ONE}/publish`,
    {
      schema: {
        tags,
        summary: 'Publish an approved revision, now or at a time',
        description:
          'Publishes the approved head revision now (its copy becomes the public post), or schedules it at a future instant (`at`), when a task publishes it.',
        params: PostParams,
        body: PublishInput,
        response: { 200: PostDetail },
      },
      config: { permission: PERM.publish, agencyScoped: true },
    },
    (request) =>
      act(request, (scope, access, base) =>
        publishPost(scope, request.params.site, request.params.id, request.body, access, base),
      ),
  );

  app.post<{ Params: Post }>(
    `${ONE}/unpublish`,
    {
      schema: {
        tags,
        summary: 'Unpublish a post',
        description:
          'Takes a published post off the website, or cancels a scheduled publication; its revisions stay.',
        params: PostParams,
        response: { 200: PostDetail },
      },
      config: { permission: PERM.publish, agencyScoped: true },
    },
    (request) =>
      act(request, (scope, access, base) =>
        unpublishPost(scope, request.params.site, request.params.id, access, base),
      ),
  );
}
