/**
 * A site's settings (its managers): name, tagline, review stages, the footer with its social
 * links, and the menu (entries with one level of submenus, moved up and down with buttons so the
 * keyboard can order them). One PATCH saves them all; a refused field shows its message beside it.
 */
import { useEffect } from 'react';
import {
  Field,
  Link,
  numberOf,
  Outcome,
  Problem,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';
import type { SiteType } from '../schemas.ts';
import { SOCIAL_KINDS, type SocialKind } from '../tables.ts';
import { sitePath } from './kit.ts';
import { SiteLogo } from './site-logo.tsx';

type Leaf = { label: string; href: string; postId?: string };
type Entry = Leaf & { children: Leaf[] };
type Values = {
  name: string;
  tagline: string;
  reviewStages: string;
  address: string;
  phone: string;
  email: string;
  hours: string;
  social: Array<{ kind: SocialKind; url: string }>;
  menu: Entry[];
};

const leaf = (l: { label: string; href?: string; postId?: string }): Leaf => ({
  label: l.label,
  href: l.href ?? '',
  ...(l.postId ? { postId: l.postId } : {}),
});

function valuesOf(site: SiteType): Values {
  return {
    name: site.name,
    tagline: site.tagline ?? '',
    reviewStages: String(site.reviewStages),
    address: site.footer.address ?? '',
    phone: site.footer.phone ?? '',
    email: site.footer.email ?? '',
    hours: site.footer.hours ?? '',
    social: (site.footer.social ?? []).map((s) => ({ ...s })),
    menu: site.menu.map((m) => ({ ...leaf(m), children: (m.children ?? []).map(leaf) })),
  };
}

const opt = (text: string) => (text.trim() ? text.trim() : undefined);
const leafBody = (l: Leaf) => ({
  label: l.label.trim(),
  ...(l.postId ? { postId: l.postId } : {}),
  ...(l.href.trim() ? { href: l.href.trim() } : {}),
});

export function SiteSettingsSection({ site }: { site: string }) {
  const { api, t } = useConsole();
  const loaded = useLoad(() => api.get<SiteType>(sitePath(site)), [site]);
  const form = useForm<Values>({
    name: '',
    tagline: '',
    reviewStages: '0',
    address: '',
    phone: '',
    email: '',
    hours: '',
    social: [],
    menu: [],
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is filled once per loaded site
  useEffect(() => {
    if (loaded.data) form.reset(valuesOf(loaded.data));
  }, [loaded.data]);
  const v = form.values;
  const footer = {
    ...(opt(v.address) && { address: opt(v.address) }),
    ...(opt(v.phone) && { phone: opt(v.phone) }),
    ...(opt(v.email) && { email: opt(v.email) }),
    ...(opt(v.hours) && { hours: opt(v.hours) }),
    social: v.social.map((s) => ({ kind: s.kind, url: s.url.trim() })),
  };
  const submit = form.submit(
    () =>
      api.patch<SiteType>(sitePath(site), {
        name: v.name.trim(),
        tagline: opt(v.tagline) ?? null,
        reviewStages: numberOf(v.reviewStages),
        footer,
        menu: v.menu.map((m) => ({
          ...leafBody(m),
          ...(m.children.length ? { children: m.children.map(leafBody) } : {}),
        })),
      }),
    t('websites.siteSettings.saved'),
    loaded.reload,
  );
  const setMenu = (menu: Entry[]) => form.set('menu', menu);
  const setEntry = (i: number, entry: Entry) => setMenu(v.menu.map((m, j) => (j === i ? entry : m)));
  const move = (i: number, by: number) => {
    const menu = [...v.menu];
    const [m] = menu.splice(i, 1);
    menu.splice(i + by, 0, m!);
    setMenu(menu);
  };
  const text = (
    key: 'name' | 'tagline' | 'address' | 'phone' | 'hours' | 'email',
    path: string,
    label: string,
  ) => (
    <Field id={`site-${key}`} label={label} error={form.err(path)}>
      {(aria) => (
        <input
          {...aria}
          type={key === 'email' ? 'email' : 'text'}
          value={v[key]}
          onChange={(e) => form.set(key, e.target.value)}
        />
      )}
    </Field>
  );
  return (
    <section aria-labelledby="site-settings-title" className="websites">
      <h1 id="site-settings-title">
        {t('websites.siteSettings.title', { name: loaded.data?.name ?? site })}
      </h1>
      <p>
        <Link to={`/websites/${site}`}>{t('websites.siteSettings.back')}</Link>
      </p>
      <Problem error={loaded.error} />
      {loaded.data ? <SiteLogo site={loaded.data} onChanged={loaded.reload} /> : null}
      {loaded.data ? (
        <form className="admin-form" onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('websites.siteSettings.general')}</legend>
            {text('name', 'name', t('websites.siteSettings.name'))}
            {text('tagline', 'tagline', t('websites.siteSettings.tagline'))}
            <Field
              id="site-stages"
              label={t('websites.siteSettings.stages')}
              hint={t('websites.siteSettings.stagesHint')}
              error={form.err('reviewStages')}
            >
              {(aria) => (
                <select
                  {...aria}
                  value={v.reviewStages}
                  onChange={(e) => form.set('reviewStages', e.target.value)}
                >
                  {[0, 1, 2, 3].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('websites.siteSettings.footer')}</legend>
            {text('address', 'footer/address', t('websites.siteSettings.address'))}
            {text('phone', 'footer/phone', t('websites.siteSettings.phone'))}
            {text('email', 'footer/email', t('websites.siteSettings.email'))}
            {text('hours', 'footer/hours', t('websites.siteSettings.hours'))}
            <fieldset>
              <legend>{t('websites.siteSettings.social')}</legend>
              {v.social.map((s, i) => {
                const n = i + 1;
                const set = (next: { kind: SocialKind; url: string }) =>
                  form.set(
                    'social',
                    v.social.map((x, j) => (j === i ? next : x)),
                  );
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
                  <div className="row" key={i} data-social={i}>
                    <Field id={`social-kind-${i}`} label={t('websites.siteSettings.socialKind', { n })}>
                      {(aria) => (
                        <select
                          {...aria}
                          value={s.kind}
                          onChange={(e) => set({ ...s, kind: e.target.value as SocialKind })}
                        >
                          {SOCIAL_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {k}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field
                      id={`social-url-${i}`}
                      label={t('websites.siteSettings.socialUrl', { n })}
                      error={form.err(`footer/social/${i}/url`)}
                    >
                      {(aria) => (
                        <input
                          {...aria}
                          type="url"
                          value={s.url}
                          onChange={(e) => set({ ...s, url: e.target.value })}
                        />
                      )}
                    </Field>
                    <button
                      type="button"
                      onClick={() =>
                        form.set(
                          'social',
                          v.social.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {t('websites.siteSettings.removeSocial', { n })}
                    </button>
                  </div>
                );
              })}
              <button
                type="button"
                disabled={v.social.length >= 10}
                onClick={() => form.set('social', [...v.social, { kind: SOCIAL_KINDS[0], url: '' }])}
              >
                {t('websites.siteSettings.addSocial')}
              </button>
            </fieldset>
          </fieldset>
          <fieldset id="site-menu">
            <legend>{t('websites.siteSettings.menu')}</legend>
            <ol>
              {v.menu.map((m, i) => {
                const n = i + 1;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own
                  <li key={i} data-menu={i}>
                    <Field
                      id={`menu-label-${i}`}
                      label={t('websites.siteSettings.menuLabel', { n })}
                      error={form.err(`menu/${i}/label`)}
                    >
                      {(aria) => (
                        <input
                          {...aria}
                          value={m.label}
                          onChange={(e) => setEntry(i, { ...m, label: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={`menu-href-${i}`}
                      label={t('websites.siteSettings.menuHref', { n })}
                      error={form.err(`menu/${i}/href`)}
                    >
                      {(aria) => (
                        <input
                          {...aria}
                          value={m.href}
                          onChange={(e) => setEntry(i, { ...m, href: e.target.value })}
                        />
                      )}
                    </Field>
                    <div className="buttons">
                      <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                        {t('websites.siteSettings.menuUp', { n })}
                      </button>
                      <button type="button" disabled={i === v.menu.length - 1} onClick={() => move(i, 1)}>
                        {t('websites.siteSettings.menuDown', { n })}
                      </button>
                      <button type="button" onClick={() => setMenu(v.menu.filter((_, j) => j !== i))}>
                        {t('websites.siteSettings.removeMenu', { n })}
                      </button>
                    </div>
                    <ol>
                      {m.children.map((c, k) => {
                        const setChild = (child: Leaf) =>
                          setEntry(i, { ...m, children: m.children.map((x, j) => (j === k ? child : x)) });
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own
                          <li key={k}>
                            <Field
                              id={`menu-${i}-label-${k}`}
                              label={t('websites.siteSettings.childLabel', { n, m: k + 1 })}
                              error={form.err(`menu/${i}/children/${k}/label`)}
                            >
                              {(aria) => (
                                <input
                                  {...aria}
                                  value={c.label}
                                  onChange={(e) => setChild({ ...c, label: e.target.value })}
                                />
                              )}
                            </Field>
                            <Field
                              id={`menu-${i}-href-${k}`}
                              label={t('websites.siteSettings.childHref', { n, m: k + 1 })}
                              error={form.err(`menu/${i}/children/${k}/href`)}
                            >
                              {(aria) => (
                                <input
                                  {...aria}
                                  value={c.href}
                                  onChange={(e) => setChild({ ...c, href: e.target.value })}
                                />
                              )}
                            </Field>
                            <button
                              type="button"
                              onClick={() =>
                                setEntry(i, { ...m, children: m.children.filter((_, j) => j !== k) })
                              }
                            >
                              {t('websites.siteSettings.removeChild', { n, m: k + 1 })}
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                    <button
                      type="button"
                      disabled={m.children.length >= 20}
                      onClick={() =>
                        setEntry(i, { ...m, children: [...m.children, { label: '', href: '' }] })
                      }
                    >
                      {t('websites.siteSettings.addChild', { n })}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              disabled={v.menu.length >= 12}
              onClick={() => setMenu([...v.menu, { label: '', href: '', children: [] }])}
            >
              {t('websites.siteSettings.addMenu')}
            </button>
          </fieldset>
          <Outcome form={form} />
          <button type="submit" disabled={form.busy}>
            {t('websites.siteSettings.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
