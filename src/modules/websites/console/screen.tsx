/**
 * The websites app's screens (`/konsol/websites/…`), loaded as the app's chunk: the sites the
 * session works on, a site's content, its settings, and the editor with its revisions — the editor
 * (TipTap) and the revisions each load as a chunk of their own when first opened.
 */
import { lazy, Suspense } from 'react';
import { NotFound, type ScreenProps, useConsole } from '../../../platform/sdk/console.ts';
import { POST_KINDS, type PostKind } from '../tables.ts';
import { PostsSection } from './posts.tsx';
import { SiteSettingsSection } from './site-settings.tsx';
import { SitesSection } from './sites.tsx';

const Editor = lazy(() => import('./editor.tsx'));
const Revisions = lazy(() => import('./revisions.tsx'));

export default function WebsitesScreen({ parts, search }: ScreenProps) {
  const { api, t } = useConsole();
  if (!api.config.apps.includes('websites')) {
    return (
      <section aria-labelledby="websites-title">
        <h1 id="websites-title">{t('websites.title')}</h1>
        <p className="problem" role="alert">
          {t('websites.notLive')}
        </p>
      </section>
    );
  }
  const [site, part, arg, more, ...rest] = parts;
  if (rest.length) return <NotFound />;
  if (!site) return <SitesSection />;
  if (!part) return <PostsSection site={site} search={search} />;
  if (part === 'pengaturan' && !arg) return <SiteSettingsSection site={site} />;
  const wait = <p aria-busy="true">…</p>;
  if (part === 'tulis' && arg && !more && (POST_KINDS as readonly string[]).includes(arg)) {
    return (
      <Suspense fallback={wait}>
        <Editor key={`new-${arg}`} site={site} kind={arg as PostKind} />
      </Suspense>
    );
  }
  if (part === 'konten' && arg && !more) {
    return (
      <Suspense fallback={wait}>
        <Editor key={arg} site={site} postId={arg} />
      </Suspense>
    );
  }
  if (part === 'konten' && arg && more === 'revisi') {
    return (
      <Suspense fallback={wait}>
        <Revisions site={site} postId={arg} search={search} />
      </Suspense>
    );
  }
  return <NotFound />;
}
