/**
 * The editor (its own chunk: TipTap loads only here): a post's title, address, summary, body,
 * categories and tags, featured image, the fields of its kind, PPID class, parent page and menu
 * order; saving makes a new revision. A save over a newer revision is refused by the server (409):
 * the text stays in the editor and the author is told. Below, the way to publication.
 */
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type FormEvent, useEffect, useState } from 'react';
import {
  ApiError,
  Field,
  Link,
  navigate,
  numberOf,
  Problem,
  useConsole,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { MediaType, PostDetailType, SiteType } from '../schemas.ts';
import { type PostKind, PPID_CLASSES } from '../tables.ts';
import { Embed, Widget, widgetLabels } from './editor-nodes.ts';
import { Toolbar } from './editor-toolbar.tsx';
import { embedSrc } from './embed.ts';
import { detailsOf, KindFields, type KindValues, kindValuesOf } from './kind-fields.tsx';
import { type Posts, sitePath } from './kit.ts';
import { MediaUpload } from './media-upload.tsx';
import { PostFlow } from './post-flow.tsx';
import { TermsField } from './terms-field.tsx';

type Values = {
  title: string;
  slug: string;
  summary: string;
  terms: string[];
  image: { mediaId: string; alt: string; url?: string } | null;
  ppid: string;
  parentId: string;
  menuOrder: string;
  note: string;
  kind: KindValues;
};

function valuesOf(post: PostDetailType | undefined, timeZone: string): Values {
  const head = post?.head;
  return {
    title: head?.title ?? '',
    slug: head?.slug ?? '',
    summary: head?.summary ?? '',
    terms: head?.terms ?? [],
    image: head?.image ?? null,
    ppid: head?.ppid ?? '',
    parentId: head?.parentId ?? '',
    menuOrder: head ? String(head.menuOrder) : '0',
    note: '',
    kind: kindValuesOf(head?.details ?? {}, timeZone),
  };
}

/** The notice of a first save, handed to the editor that opens at the new post's address. */
let firstSave: { id: string; message: string } | null = null;

type Panel = 'image' | 'embed' | 'link' | 'featured' | 'widget' | null;

export default function PostEditor(props: { site: string; kind?: PostKind; postId?: string }) {
  const { api, t, can } = useConsole();
  const zone = api.config.timeZone;
  const site = useLoad(() => api.get<SiteType>(sitePath(props.site)), [props.site]);
  const loaded = useLoad(
    () =>
      props.postId
        ? api.get<PostDetailType>(sitePath(props.site, `/posts/${props.postId}`))
        : Promise.resolve(undefined),
    [props.site, props.postId],
  );
  const widgets = useLoad(() => api.get<{ items: Array<{ id: string; label: string }> }>('/widgets'), []);
  for (const w of widgets.data?.items ?? []) widgetLabels.set(w.id, w.label);
  const [post, setPost] = useState<PostDetailType | undefined>();
  const kind = post?.kind ?? props.kind ?? 'news';
  const [values, setValues] = useState<Values>(() => valuesOf(undefined, zone));
  const [dirty, setDirty] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  };
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [stale, setStale] = useState<number | null>(null);
  const [done, setDone] = useState(() => {
    const notice = firstSave && firstSave.id === props.postId ? firstSave.message : '';
    firstSave = null;
    return notice;
  });
  const [busy, setBusy] = useState(false);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'] },
      }),
      Image,
      Widget.configure({ label: (label) => t('websites.editor.widgetBox', { label }) }),
      Embed,
    ],
    content: '',
    editorProps: {
      attributes: {
        id: 'post-body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'post-body-label',
        class: 'editor-body',
      },
    },
    onUpdate: () => setDirty(true),
  });

  /** Puts a post (as loaded or as saved) in the editor: its head revision's fields and body. */
  const show = (p: PostDetailType) => {
    setPost(p);
    setValues(valuesOf(p, zone));
    editor?.commands.setContent(p.head.body, { emitUpdate: false });
    setDirty(false);
    setStale(null);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once per load, when the editor exists
  useEffect(() => {
    if (loaded.data && editor) show(loaded.data);
  }, [loaded.data, editor]);

  const pages = useLoad(
    () =>
      kind === 'page'
        ? api.get<Posts>(sitePath(props.site, '/posts'), { kind: 'page', limit: 100 })
        : Promise.resolve({ items: [], next: null }),
    [props.site, kind],
  );

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!editor) return;
    const v = values;
    const body = {
      kind,
      title: v.title.trim(),
      ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
      summary: v.summary.trim() || null,
      body: editor.getHTML(),
      image: v.image ? { mediaId: v.image.mediaId, alt: v.image.alt } : null,
      terms: v.terms,
      ppid: v.ppid || null,
      ...(kind === 'page' ? { parentId: v.parentId || null, menuOrder: numberOf(v.menuOrder) ?? 0 } : {}),
      ...(detailsOf(kind, v.kind, zone) ? { details: detailsOf(kind, v.kind, zone) } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
      ...(post ? { baseRevision: post.headRevision } : {}),
    };
    setBusy(true);
    setError(undefined);
    setDone('');
    const request = post
      ? api.put<PostDetailType>(sitePath(props.site, `/posts/${post.id}`), body)
      : api.post<PostDetailType>(sitePath(props.site, '/posts'), body);
    request.then(
      (saved) => {
        setBusy(false);
        setPost(saved);
        setValues((old) => ({ ...old, slug: saved.head.slug, note: '' }));
        setDirty(false);
        setStale(null);
        setDone(t('websites.editor.saved', { n: saved.headRevision }));
        if (!post) {
          firstSave = { id: saved.id, message: t('websites.editor.saved', { n: saved.headRevision }) };
          navigate(`/websites/${props.site}/konten/${saved.id}`, { replace: true });
        }
      },
      (err: unknown) => {
        setBusy(false);
        const problem = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
        // Someone saved in between: nothing here is thrown away; the newer revision is named.
        if (problem.status === 409) {
          api
            .get<PostDetailType>(sitePath(props.site, `/posts/${post?.id}`))
            .then((latest) => setStale(latest.headRevision))
            .catch(() => setStale(post?.headRevision ?? 0));
        }
        setError(problem);
      },
    );
  };
  const reloadLatest = () => {
    if (!post) return;
    api.get<PostDetailType>(sitePath(props.site, `/posts/${post.id}`)).then(show, (err: unknown) => {
      if (err instanceof ApiError) setError(err);
    });
  };

  const errors = Object.fromEntries(
    (error?.fields ?? []).map((f) => [
      f.path.replace(/^\/(body|params|querystring)\//, '/').slice(1),
      f.message,
    ]),
  );
  const err = (path: string) => errors[path];
  if (!can(PERM.write) && !can(PERM.review) && !can(PERM.publish)) {
    return <p className="problem">{t('websites.forbidden')}</p>;
  }
  const heading = post
    ? t('websites.editor.editTitle', { title: post.head.title })
    : t('websites.editor.newTitle', { kind: t(`websites.kind.${kind}`) });
  const insertImage = (media: MediaType, alt: string) => {
    editor?.chain().focus().setImage({ src: media.url, alt }).run();
    setPanel(null);
  };
  const hasWidgets = (widgets.data?.items.length ?? 0) > 0;
  return (
    <section aria-labelledby="editor-title" className="websites post-editor" data-kind={kind}>
      <h1 id="editor-title">{heading}</h1>
      <p className="buttons">
        <Link to={`/websites/${props.site}`}>{site.data?.name ?? props.site}</Link>
        {post ? (
          <Link to={`/websites/${props.site}/konten/${post.id}/revisi`}>
            {t('websites.editor.revisions')}
          </Link>
        ) : null}
        {post?.url ? <a href={post.url}>{t('websites.editor.publicUrl')}</a> : null}
      </p>
      <Problem error={site.error ?? loaded.error} />
      {post ? (
        <p id="post-state">
          {t('websites.editor.state', {
            status: t(`websites.status.${post.status}`),
            review: t(`websites.reviewState.${post.reviewState}`),
            head: post.headRevision,
          })}
        </p>
      ) : null}
      <form className="admin-form" onSubmit={save} noValidate>
        <Field id="post-title" label={t('websites.editor.title')} error={err('title')}>
          {(aria) => (
            <input
              {...aria}
              value={values.title}
              maxLength={300}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="post-slug"
          label={t('websites.editor.slug')}
          hint={t('websites.editor.slugHint')}
          error={err('slug')}
        >
          {(aria) => (
            <input
              {...aria}
              value={values.slug}
              maxLength={120}
              onChange={(e) => set('slug', e.target.value)}
            />
          )}
        </Field>
        <Field id="post-summary" label={t('websites.editor.summary')} error={err('summary')}>
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              maxLength={1000}
              value={values.summary}
              onChange={(e) => set('summary', e.target.value)}
            />
          )}
        </Field>
        <div className={err('body') ? 'field has-error' : 'field'}>
          <p className="label" id="post-body-label">
            {t('websites.editor.body')}
          </p>
          {editor ? (
            <Toolbar
              editor={editor}
              onImage={() => setPanel(panel === 'image' ? null : 'image')}
              onEmbed={() => setPanel(panel === 'embed' ? null : 'embed')}
              onLink={() => setPanel(panel === 'link' ? null : 'link')}
            />
          ) : null}
          {hasWidgets ? (
            <button
              type="button"
              className="widget-menu"
              aria-expanded={panel === 'widget'}
              onClick={() => setPanel(panel === 'widget' ? null : 'widget')}
            >
              {t('websites.editor.widget')}
            </button>
          ) : null}
          {panel === 'image' ? (
            <MediaUpload
              id="body-image"
              site={props.site}
              image
              title={t('websites.image.title')}
              onDone={insertImage}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel === 'embed' && editor ? (
            <EmbedPanel
              onInsert={(src, title) => {
                editor.chain().focus().insertEmbed(src, title).run();
                setPanel(null);
              }}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel === 'link' && editor ? (
            <LinkPanel
              initial={String(editor.getAttributes('link').href ?? '')}
              onApply={(href) => {
                const chain = editor.chain().focus().extendMarkRange('link');
                (href ? chain.setLink({ href }) : chain.unsetLink()).run();
                setPanel(null);
              }}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel === 'widget' && editor ? (
            <WidgetPanel
              items={widgets.data?.items ?? []}
              onInsert={(id) => {
                editor.chain().focus().insertWidget(id).run();
                setPanel(null);
              }}
            />
          ) : null}
          <EditorContent editor={editor} />
          {err('body') ? <p className="error">{err('body')}</p> : null}
        </div>
        <TermsField site={props.site} selected={values.terms} onChange={(terms) => set('terms', terms)} />
        <fieldset id="post-featured">
          <legend>{t('websites.editor.featured')}</legend>
          {values.image ? (
            <p>
              {values.image.url ? <img src={values.image.url} alt={values.image.alt} width={160} /> : null}
              <span className="alt">{values.image.alt}</span>{' '}
              <button type="button" onClick={() => set('image', null)}>
                {t('websites.editor.featuredRemove')}
              </button>
            </p>
          ) : null}
          {panel === 'featured' ? (
            <MediaUpload
              id="featured-image"
              site={props.site}
              image
              title={t('websites.editor.featuredPick')}
              onDone={(media, alt) => {
                set('image', { mediaId: media.id, alt, url: media.url });
                setPanel(null);
              }}
              onCancel={() => setPanel(null)}
            />
          ) : (
            <button type="button" onClick={() => setPanel('featured')}>
              {t('websites.editor.featuredPick')}
            </button>
          )}
        </fieldset>
        <KindFields
          kind={kind}
          site={props.site}
          values={values.kind}
          onChange={(k) => set('kind', k)}
          err={err}
        />
        <Field id="post-ppid" label={t('websites.editor.ppid')} error={err('ppid')}>
          {(aria) => (
            <select {...aria} value={values.ppid} onChange={(e) => set('ppid', e.target.value)}>
              <option value="">{t('websites.ppidClass.none')}</option>
              {PPID_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t(`websites.ppidClass.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'page' ? (
          <>
            <Field id="post-parent" label={t('websites.editor.parent')} error={err('parentId')}>
              {(aria) => (
                <select {...aria} value={values.parentId} onChange={(e) => set('parentId', e.target.value)}>
                  <option value="">{t('websites.editor.noParent')}</option>
                  {(pages.data?.items ?? [])
                    .filter((p) => p.id !== post?.id)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <Field id="post-order" label={t('websites.editor.menuOrder')} error={err('menuOrder')}>
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  min={0}
                  max={10000}
                  value={values.menuOrder}
                  onChange={(e) => set('menuOrder', e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        <Field id="post-note" label={t('websites.editor.note')} error={err('note')}>
          {(aria) => (
            <input
              {...aria}
              value={values.note}
              maxLength={500}
              onChange={(e) => set('note', e.target.value)}
            />
          )}
        </Field>
        {stale !== null ? (
          <div className="problem" role="alert" id="post-stale">
            <p>{t('websites.editor.stale', { n: stale })}</p>
            <button type="button" onClick={reloadLatest}>
              {t('websites.editor.reloadLatest')}
            </button>
          </div>
        ) : (
          <Problem error={error} />
        )}
        {done ? (
          <p className="notice" role="status">
            {done}
          </p>
        ) : null}
        {can(PERM.write) ? (
          <button type="submit" disabled={busy || !editor}>
            {t('websites.editor.save')}
          </button>
        ) : null}
      </form>
      {post && site.data ? <PostFlow site={site.data} post={post} dirty={dirty} onChanged={setPost} /> : null}
    </section>
  );
}

function EmbedPanel(props: { onInsert: (src: string, title: string) => void; onCancel: () => void }) {
  const { t } = useConsole();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<{ url?: string; title?: string }>({});
  const insert = () => {
    const src = embedSrc(url);
    const found = {
      ...(src ? {} : { url: t('websites.embed.refused') }),
      ...(title.trim() ? {} : { title: t('websites.embed.titleRequired') }),
    };
    setErrors(found);
    if (src && title.trim()) props.onInsert(src, title.trim());
  };
  return (
    <fieldset className="media-upload">
      <legend>{t('websites.embed.title')}</legend>
      <Field
        id="embed-url"
        label={t('websites.embed.url')}
        hint={t('websites.embed.hint')}
        error={errors.url}
      >
        {(aria) => <input {...aria} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <Field id="embed-name" label={t('websites.embed.name')} error={errors.title}>
        {(aria) => (
          <input {...aria} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <div className="buttons">
        <button type="button" onClick={insert}>
          {t('websites.embed.insert')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('websites.image.cancel')}
        </button>
      </div>
    </fieldset>
  );
}

function LinkPanel(props: { initial: string; onApply: (href: string) => void; onCancel: () => void }) {
  const { t } = useConsole();
  const [href, setHref] = useState(props.initial);
  return (
    <fieldset className="media-upload">
      <legend>{t('websites.editor.link')}</legend>
      <Field id="link-href" label={t('websites.editor.linkPrompt')}>
        {(aria) => (
          // biome-ignore lint/a11y/noAutofocus: the panel opens on the author's request, to type the address
          <input {...aria} autoFocus type="url" value={href} onChange={(e) => setHref(e.target.value)} />
        )}
      </Field>
      <div className="buttons">
        <button type="button" onClick={() => props.onApply(href.trim())}>
          {t('websites.editor.link')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('websites.image.cancel')}
        </button>
      </div>
    </fieldset>
  );
}

function WidgetPanel(props: { items: Array<{ id: string; label: string }>; onInsert: (id: string) => void }) {
  const { t } = useConsole();
  const [id, setId] = useState(props.items[0]?.id ?? '');
  return (
    <fieldset className="media-upload">
      <legend>{t('websites.editor.widget')}</legend>
      <Field id="widget-pick" label={t('websites.editor.widgetPick')}>
        {(aria) => (
          <select {...aria} value={id} onChange={(e) => setId(e.target.value)}>
            {props.items.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" disabled={!id} onClick={() => props.onInsert(id)}>
        {t('websites.editor.widgetInsert')}
      </button>
    </fieldset>
  );
}
