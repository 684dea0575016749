/** A post's categories and tags: the site's terms as checkboxes, and a new one added in place. */
import { useState } from 'react';
import { ApiError, Problem, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import { sitePath } from './kit.ts';

type Term = { id: string; kind: 'category' | 'tag'; slug: string; name: string };

export function TermsField(props: { site: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const { api, t } = useConsole();
  const terms = useLoad(() => api.get<{ items: Term[] }>(sitePath(props.site, '/terms')), [props.site]);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((x) => x !== id));
  const add = (kind: Term['kind']) => {
    if (!name.trim()) return;
    setError(undefined);
    api.post<Term>(sitePath(props.site, '/terms'), { kind, name: name.trim() }).then(
      (term) => {
        setName('');
        props.onChange([...props.selected, term.id]);
        terms.reload();
      },
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err))),
    );
  };
  // The terms API may not be there yet (or refused): the post is still written without terms.
  if (terms.error) return null;
  const group = (kind: Term['kind'], legend: string) => (
    <fieldset id={`post-${kind}`}>
      <legend>{legend}</legend>
      {(terms.data?.items ?? [])
        .filter((x) => x.kind === kind)
        .map((x) => (
          <span key={x.id} className="check">
            <input
              id={`term-${x.id}`}
              type="checkbox"
              checked={props.selected.includes(x.id)}
              onChange={(e) => toggle(x.id, e.target.checked)}
            />{' '}
            <label htmlFor={`term-${x.id}`}>{x.name}</label>
          </span>
        ))}
    </fieldset>
  );
  return (
    <div className="post-terms">
      {group('category', t('websites.editor.categories'))}
      {group('tag', t('websites.editor.tags'))}
      <label htmlFor="term-new">{t('websites.editor.newTerm')}</label>{' '}
      <input id="term-new" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />{' '}
      <button type="button" onClick={() => add('category')}>
        {t('websites.editor.addCategory')}
      </button>{' '}
      <button type="button" onClick={() => add('tag')}>
        {t('websites.editor.addTag')}
      </button>
      <Problem error={error} />
    </div>
  );
}
