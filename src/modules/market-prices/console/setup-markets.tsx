/**
 * SEGAR's markets, in the settings: every market the session manages (retired ones too) and a
 * form to add or change one — name, address, place on the map (a click on the map or the two
 * number fields), agency, order, whether it is still surveyed. An agency's administrator sees and
 * changes only their own agencies' markets; the API checks every value and its refusals stand
 * beside the fields.
 */
import { lazy, Suspense, useState } from 'react';
import {
  type Agency,
  AgencyOptions,
  ApiError,
  Field,
  numberOf,
  Outcome,
  Problem,
  Scroll,
  SectionHead,
  useAgencies,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';

const PointPicker = lazy(() =>
  import('../../../platform/sdk/console-map.ts').then((m) => ({ default: m.PointPicker })),
);

export type ManagedMarket = {
  code: string;
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  agencyId: string | null;
  active: boolean;
  sort: number;
  officers: { id: string; name: string }[];
};

/** The markets the session manages, for the markets and officers sections. */
export function useManagedMarkets() {
  const { api } = useConsole();
  return useLoad(() => api.get<{ items: ManagedMarket[] }>('/market-prices/reference/markets'), []);
}

export default function MarketsSection() {
  const { t } = useConsole();
  const markets = useManagedMarkets();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  // A changed market's form closes on success: its notice is said here, where it stays.
  const [saved, setSaved] = useState('');
  const items = markets.data?.items ?? [];
  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
  const current = items.find((m) => m.code === editing);
  return (
    <section aria-labelledby="price-markets-title">
      <SectionHead
        id="price-markets-title"
        title={t('pricesSetup.markets.title')}
        intro={t('pricesSetup.markets.intro')}
      />
      <Problem error={markets.error ?? agencies.error} />
      {saved && !current ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <MarketForm
        key={editing ?? 'new'}
        market={current}
        taken={new Set(items.map((m) => m.code))}
        agencies={agencies.data ?? []}
        onCancel={() => setEditing(null)}
        onDone={(message) => {
          if (editing) setSaved(message);
          setEditing(null);
          markets.reload();
        }}
      />
      <h2 id="price-markets-list">{t('pricesSetup.markets.list')}</h2>
      {markets.data && items.length === 0 ? <p className="empty">{t('pricesSetup.markets.empty')}</p> : null}
      {items.length > 0 ? (
        <Scroll label={t('pricesSetup.markets.list')}>
          <table className="list" aria-labelledby="price-markets-list">
            <thead>
              <tr>
                <th scope="col">{t('pricesSetup.markets.name')}</th>
                <th scope="col">{t('pricesSetup.markets.address')}</th>
                <th scope="col">{t('pricesSetup.markets.agency')}</th>
                <th scope="col">{t('pricesSetup.markets.place')}</th>
                <th scope="col">{t('pricesSetup.markets.state')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.code} data-market={m.code}>
                  <th scope="row">
                    {m.name} <span className="muted">({m.code})</span>
                  </th>
                  <td>{m.address ?? t('admin.none')}</td>
                  <td>{m.agencyId ? (agencyName.get(m.agencyId) ?? m.agencyId) : t('admin.none')}</td>
                  <td>
                    {m.lat !== null && m.lng !== null
                      ? `${m.lat}, ${m.lng}`
                      : t('pricesSetup.markets.noPlace')}
                  </td>
                  <td>{t(m.active ? 'pricesSetup.active' : 'pricesSetup.retired')}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setSaved('');
                        setEditing(m.code);
                      }}
                      aria-label={t('pricesSetup.editLabel', { name: m.name })}
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

/** A market's code from its name: lower case, words joined by hyphens (`Pasar Anyar` → `pasar-anyar`). */
export function codeFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A coordinate typed with a comma or a point (`106,63`), or null for an empty field. */
function coordinateOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return numberOf(trimmed) ?? null;
}

function MarketForm(props: {
  market: ManagedMarket | undefined;
  taken: Set<string>;
  agencies: Agency[];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { api, t } = useConsole();
  const m = props.market;
  const form = useForm({
    code: m?.code ?? '',
    name: m?.name ?? '',
    address: m?.address ?? '',
    lat: m?.lat !== null && m?.lat !== undefined ? String(m.lat) : '',
    lng: m?.lng !== null && m?.lng !== undefined ? String(m.lng) : '',
    agencyId: m?.agencyId ?? '',
    sort: String(m?.sort ?? 0),
    active: m?.active ?? true,
  });
  const v = form.values;
  const code = (m?.code ?? v.code.trim()) || codeFromName(v.name);
  const message = t('pricesSetup.markets.saved', { name: v.name.trim() });
  const submit = form.submit(
    async () => {
      // A new code already in use would silently change that market: refused here.
      if (!m && props.taken.has(code)) {
        const message = t('pricesSetup.markets.codeTaken');
        throw new ApiError(400, 'invalid', message, [{ path: '/params/code', code: 'taken', message }]);
      }
      await api.put(`/market-prices/markets/${encodeURIComponent(code || '-')}`, {
        name: v.name.trim(),
        address: v.address.trim() || null,
        lat: coordinateOf(v.lat),
        lng: coordinateOf(v.lng),
        agencyId: v.agencyId || null,
        sort: numberOf(v.sort) ?? 0,
        active: v.active,
      });
      if (!m) form.reset({ ...v, code: '', name: '', address: '', lat: '', lng: '' });
    },
    message,
    () => props.onDone(message),
  );
  const lat = coordinateOf(v.lat);
  const lng = coordinateOf(v.lng);
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="price-market-form-title">
      <h2 id="price-market-form-title">
        {m ? t('pricesSetup.markets.editTitle', { name: m.name }) : t('pricesSetup.markets.create')}
      </h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="price-market-name" label={t('pricesSetup.markets.name')} error={form.err('name')}>
          {(aria) => (
            <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} required />
          )}
        </Field>
        {m ? null : (
          <Field
            id="price-market-code"
            label={t('pricesSetup.markets.code')}
            hint={t('pricesSetup.markets.codeHint', { code: codeFromName(v.name) || 'pasar-anyar' })}
            error={form.err('code')}
          >
            {(aria) => (
              <input
                {...aria}
                value={v.code}
                onChange={(e) => form.set('code', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        )}
        <Field id="price-market-address" label={t('pricesSetup.markets.address')} error={form.err('address')}>
          {(aria) => (
            <input {...aria} value={v.address} onChange={(e) => form.set('address', e.target.value)} />
          )}
        </Field>
        <Field id="price-market-agency" label={t('pricesSetup.markets.agency')} error={form.err('agencyId')}>
          {(aria) => (
            <select {...aria} value={v.agencyId} onChange={(e) => form.set('agencyId', e.target.value)}>
              <option value="">{t('pricesSetup.markets.noAgency')}</option>
              <AgencyOptions items={props.agencies} />
            </select>
          )}
        </Field>
        <Field
          id="price-market-lat"
          label={t('pricesSetup.markets.lat')}
          hint={t('pricesSetup.markets.latHint')}
          error={form.err('lat')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="decimal"
              value={v.lat}
              onChange={(e) => form.set('lat', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          id="price-market-lng"
          label={t('pricesSetup.markets.lng')}
          hint={t('pricesSetup.markets.lngHint')}
          error={form.err('lng')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="decimal"
              value={v.lng}
              onChange={(e) => form.set('lng', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Suspense fallback={null}>
        <PointPicker
          config={api.config}
          lat={typeof lat === 'number' ? lat : null}
          lng={typeof lng === 'number' ? lng : null}
          label={t('pricesSetup.markets.mapLabel')}
          onPick={(pickedLat, pickedLng) => {
            form.set('lat', String(pickedLat));
            form.set('lng', String(pickedLng));
          }}
        />
      </Suspense>
      <div className="grid-2">
        <Field
          id="price-market-sort"
          label={t('pricesSetup.order')}
          hint={t('pricesSetup.orderHint')}
          error={form.err('sort')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={v.sort}
              onChange={(e) => form.set('sort', e.target.value)}
            />
          )}
        </Field>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={v.active}
              onChange={(e) => form.set('active', e.target.checked)}
            />
            {t('pricesSetup.markets.surveyed')}
          </label>
        </div>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {m ? t('admin.save') : t('pricesSetup.markets.add')}
      </button>{' '}
      {m ? (
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      ) : null}
    </form>
  );
}
