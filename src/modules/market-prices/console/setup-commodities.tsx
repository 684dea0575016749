/**
 * SEGAR's commodities, in the settings: the tenant's list in survey order (retired ones too), a
 * form to change one — names, grade, unit, plausible price range, order, whether it is surveyed —
 * and the national list (PIHPS) to add from, so that nobody types a commodity the country already
 * names. Taking the app live wrote the whole national list; a tenant retires what it does not
 * survey and adds its own.
 */
import { useState } from 'react';
import {
  Field,
  numberOf,
  Outcome,
  Problem,
  Scroll,
  SectionHead,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';

type Commodity = {
  code: string;
  name: { id: string; en: string };
  group: string;
  grade: string | null;
  unit: string;
  minPrice: number;
  maxPrice: number;
  active: boolean;
  sort: number;
};
type NationalCommodity = Omit<Commodity, 'active' | 'sort'> & { added: boolean };

/** The body of `PUT /commodities/{code}` for a commodity as listed, with changes. */
function bodyOf(c: Omit<Commodity, 'code' | 'sort' | 'active'> & { active?: boolean; sort?: number }) {
  return {
    name: c.name,
    group: c.group,
    grade: c.grade,
    unit: c.unit,
    minPrice: c.minPrice,
    maxPrice: c.maxPrice,
    ...(c.active !== undefined ? { active: c.active } : {}),
    ...(c.sort !== undefined ? { sort: c.sort } : {}),
  };
}

export default function CommoditiesSection() {
  const { api, t } = useConsole();
  const list = useLoad(() => api.get<{ items: Commodity[] }>('/market-prices/reference/commodities'), []);
  const national = useLoad(
    () => api.get<{ items: NationalCommodity[] }>('/market-prices/reference/national-commodities'),
    [],
  );
  const [editing, setEditing] = useState<string | null>(null);
  // The edit form closes on success: its notice is said here, where it stays.
  const [saved, setSaved] = useState('');
  const reload = () => {
    list.reload();
    national.reload();
  };
  const items = list.data?.items ?? [];
  const current = items.find((c) => c.code === editing);
  const missing = (national.data?.items ?? []).filter((c) => !c.added);
  const { lang } = api.config;
  return (
    <section aria-labelledby="price-commodities-title">
      <SectionHead
        id="price-commodities-title"
        title={t('pricesSetup.commodities.title')}
        intro={t('pricesSetup.commodities.intro')}
      />
      <Problem error={list.error ?? national.error} />
      {saved && !current ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      {current ? (
        <CommodityForm
          key={current.code}
          commodity={current}
          onCancel={() => setEditing(null)}
          onDone={(message) => {
            setSaved(message);
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      <h2 id="price-national-title">{t('pricesSetup.commodities.national')}</h2>
      {national.data && missing.length === 0 ? (
        <p className="muted">{t('pricesSetup.commodities.nationalAll')}</p>
      ) : null}
      {missing.length > 0 ? (
        <ul className="national-list" aria-labelledby="price-national-title">
          {missing.map((c) => (
            <li key={c.code} data-national={c.code}>
              <AddNational commodity={c} onDone={reload} />
            </li>
          ))}
        </ul>
      ) : null}
      <h2 id="price-commodities-list">{t('pricesSetup.commodities.list')}</h2>
      {list.data && items.length === 0 ? <p className="empty">{t('pricesSetup.commodities.empty')}</p> : null}
      {items.length > 0 ? (
        <Scroll label={t('pricesSetup.commodities.list')}>
          <table className="list" aria-labelledby="price-commodities-list">
            <thead>
              <tr>
                <th scope="col">{t('pricesSetup.order')}</th>
                <th scope="col">{t('pricesSetup.commodities.name')}</th>
                <th scope="col">{t('pricesSetup.commodities.unit')}</th>
                <th scope="col">{t('pricesSetup.commodities.range')}</th>
                <th scope="col">{t('pricesSetup.markets.state')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.code} data-commodity={c.code}>
                  <td>{c.sort}</td>
                  <th scope="row">{c.name[lang] ?? c.name.id}</th>
                  <td>{c.unit}</td>
                  <td>
                    {c.minPrice}–{c.maxPrice}
                  </td>
                  <td>{t(c.active ? 'pricesSetup.active' : 'pricesSetup.retired')}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setSaved('');
                        setEditing(c.code);
                      }}
                      aria-label={t('pricesSetup.editLabel', { name: c.name[lang] ?? c.name.id })}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
    </section>
  );
}

/** One entry of the national list the tenant lacks, with the button that adds it as it is. */
function AddNational({ commodity, onDone }: { commodity: NationalCommodity; onDone: () => void }) {
  const { api, t } = useConsole();
  const name = commodity.name[api.config.lang] ?? commodity.name.id;
  const form = useForm({});
  const add = form.submit(
    () => api.put(`/market-prices/commodities/${encodeURIComponent(commodity.code)}`, bodyOf(commodity)),
    t('pricesSetup.commodities.added', { name }),
    onDone,
  );
  return (
    <form onSubmit={add} className="inline-form">
      <span>
        {name} <span className="muted">({commodity.unit})</span>
      </span>{' '}
      <button type="submit" disabled={form.busy} aria-label={t('pricesSetup.commodities.addLabel', { name })}>
        {t('pricesSetup.commodities.add')}
      </button>
      <Outcome form={form} />
    </form>
  );
}

function CommodityForm(props: {
  commodity: Commodity;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { api, t } = useConsole();
  const c = props.commodity;
  const form = useForm({
    nameId: c.name.id,
    nameEn: c.name.en,
    grade: c.grade ?? '',
    unit: c.unit,
    minPrice: String(c.minPrice),
    maxPrice: String(c.maxPrice),
    sort: String(c.sort),
    active: c.active,
  });
  const v = form.values;
  const message = t('pricesSetup.commodities.saved', { name: v.nameId.trim() });
  const submit = form.submit(
    () =>
      api.put(
        `/market-prices/commodities/${encodeURIComponent(c.code)}`,
        bodyOf({
          name: { id: v.nameId.trim(), en: v.nameEn.trim() },
          group: c.group,
          grade: v.grade.trim() || null,
          unit: v.unit,
          minPrice: numberOf(v.minPrice) as number,
          maxPrice: numberOf(v.maxPrice) as number,
          sort: numberOf(v.sort) ?? 0,
          active: v.active,
        }),
      ),
    message,
    () => props.onDone(message),
  );
  const text = (key: 'nameId' | 'nameEn' | 'grade', path: string) => (
    <Field id={`price-commodity-${key}`} label={t(`pricesSetup.commodities.${key}`)} error={form.err(path)}>
      {(aria) => <input {...aria} value={v[key]} onChange={(e) => form.set(key, e.target.value)} />}
    </Field>
  );
  const number = (key: 'minPrice' | 'maxPrice' | 'sort', label: string, hint?: string) => (
    <Field id={`price-commodity-${key}`} label={label} {...(hint ? { hint } : {})} error={form.err(key)}>
      {(aria) => (
        <input {...aria} inputMode="numeric" value={v[key]} onChange={(e) => form.set(key, e.target.value)} />
      )}
    </Field>
  );
  return (
    <form
      className="card admin-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="price-commodity-form-title"
    >
      <h2 id="price-commodity-form-title">
        {t('pricesSetup.commodities.editTitle', { name: c.name[api.config.lang] ?? c.name.id })}
      </h2>
      <Outcome form={form} />
      <div className="grid-2">
        {text('nameId', 'name/id')}
        {text('nameEn', 'name/en')}
        {text('grade', 'grade')}
        <Field id="price-commodity-unit" label={t('pricesSetup.commodities.unit')} error={form.err('unit')}>
          {(aria) => (
            <select {...aria} value={v.unit} onChange={(e) => form.set('unit', e.target.value)}>
              <option value="kg">kg</option>
              <option value="liter">liter</option>
            </select>
          )}
        </Field>
        {number('minPrice', t('pricesSetup.commodities.minPrice'), t('pricesSetup.commodities.rangeHint'))}
        {number('maxPrice', t('pricesSetup.commodities.maxPrice'))}
        {number('sort', t('pricesSetup.order'), t('pricesSetup.orderHint'))}
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={v.active}
              onChange={(e) => form.set('active', e.target.checked)}
            />
            {t('pricesSetup.commodities.surveyed')}
          </label>
        </div>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.save')}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
