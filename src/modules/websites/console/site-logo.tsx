/**
 * A site's logo (its managers): the one shown, an image uploaded to the site's media with its
 * alternative text and made the logo, or the logo removed. Each change is saved at once.
 */
import { useMemo, useState } from 'react';
import { ApiError, Problem, useConsole } from '../../../platform/sdk/console.ts';
import type { SiteType } from '../schemas.ts';
import { sitePath } from './kit.ts';
import { MediaUpload } from './media-upload.tsx';

export function SiteLogo(props: { site: SiteType; onChanged: () => void }) {
  const { api, t } = useConsole();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState('');
  // The logo's address stays when the logo changes: a version per loaded site keeps the image fresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version for each loaded site
  const version = useMemo(() => Date.now(), [props.site]);
  const change = (logoMediaId: string | null) => {
    setError(undefined);
    setNotice('');
    api.patch<SiteType>(sitePath(props.site.slug), { logoMediaId }).then(
      () => {
        setNotice(t(logoMediaId ? 'websites.siteSettings.logoSet' : 'websites.siteSettings.logoRemoved'));
        props.onChanged();
      },
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err))),
    );
  };
  return (
    <section aria-labelledby="site-logo-title" className="site-logo">
      <h2 id="site-logo-title">{t('websites.siteSettings.logo')}</h2>
      {props.site.logoUrl ? (
        <img src={`${props.site.logoUrl}?v=${version}`} alt="" width={64} height={64} />
      ) : (
        <p>{t('websites.siteSettings.noLogo')}</p>
      )}
      {uploading ? (
        <MediaUpload
          id="site-logo-upload"
          site={props.site.slug}
          image
          title={t('websites.siteSettings.logoUpload')}
          onDone={(media) => {
            setUploading(false);
            change(media.id);
          }}
          onCancel={() => setUploading(false)}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setUploading(true)}>
            {t('websites.siteSettings.logoUpload')}
          </button>{' '}
          {props.site.logoUrl ? (
            <button type="button" className="secondary" onClick={() => change(null)}>
              {t('websites.siteSettings.logoRemove')}
            </button>
          ) : null}
        </p>
      )}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Problem error={error} />
    </section>
  );
}
