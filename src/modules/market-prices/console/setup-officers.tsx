/**
 * SEGAR's officers, in the settings: for each market the session manages, who enters its prices,
 * chosen among the staff holding the officer (or field officer) role. A role is granted in
 * Pengaturan › Petugas dan peran; this screen links there when nobody holds one yet. Saving a
 * market's list replaces it; the API refuses anyone without the entry permission.
 */
import {
  Link,
  Outcome,
  Problem,
  SectionHead,
  useConsole,
  useForm,
  useLoad,
} from '../../../platform/sdk/console.ts';
import { type ManagedMarket, useManagedMarkets } from './setup-markets.tsx';

type Candidate = { id: string; name: string; agencyIds: (string | null)[] };

export default function OfficersSection() {
  const { api, t } = useConsole();
  const markets = useManagedMarkets();
  const candidates = useLoad(
    () => api.get<{ items: Candidate[] }>('/market-prices/reference/officer-candidates'),
    [],
  );
  const items = (markets.data?.items ?? []).filter((m) => m.active);
  const people = candidates.data?.items ?? [];
  return (
    <section aria-labelledby="price-officers-title">
      <SectionHead
        id="price-officers-title"
        title={t('pricesSetup.officers.title')}
        intro={t('pricesSetup.officers.intro')}
      />
      <Problem error={markets.error ?? candidates.error} />
      {candidates.data && people.length === 0 ? (
        <p className="notice" role="status">
          {t('pricesSetup.officers.noCandidates')}{' '}
          <Link to="/admin/staff">{t('pricesSetup.officers.toStaff')}</Link>
        </p>
      ) : null}
      {markets.data && items.length === 0 ? (
        <p className="empty">
          {t('pricesSetup.officers.noMarkets')}{' '}
          <Link to="/admin/price-markets">{t('pricesSetup.markets.title')}</Link>
        </p>
      ) : null}
      {people.length > 0
        ? items.map((m) => (
            <MarketOfficers key={m.code} market={m} candidates={people} onDone={markets.reload} />
          ))
        : null}
    </section>
  );
}

function MarketOfficers(props: { market: ManagedMarket; candidates: Candidate[]; onDone: () => void }) {
  const { api, t } = useConsole();
  const m = props.market;
  const form = useForm({ chosen: m.officers.map((o) => o.id) });
  const chosen = new Set(form.values.chosen);
  // Someone assigned earlier who no longer holds the role still shows, to be taken off.
  const shown = [
    ...props.candidates,
    ...m.officers
      .filter((o) => !props.candidates.some((c) => c.id === o.id))
      .map((o) => ({ ...o, agencyIds: [] })),
  ];
  const submit = form.submit(
    () =>
      api.put(`/market-prices/markets/${encodeURIComponent(m.code)}/officers`, {
        userIds: form.values.chosen,
      }),
    t('pricesSetup.officers.saved', { market: m.name }),
    props.onDone,
  );
  const headingId = `price-officers-${m.code}`;
  return (
    <form
      className="card admin-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      data-market={m.code}
    >
      <h2 id={headingId}>{m.name}</h2>
      <Outcome form={form} />
      <fieldset>
        <legend>{t('pricesSetup.officers.legend', { market: m.name })}</legend>
        {shown.map((person) => (
          <div key={person.id} className="field">
            <label className="check big-check">
              <input
                type="checkbox"
                checked={chosen.has(person.id)}
                onChange={(e) =>
                  form.set(
                    'chosen',
                    e.target.checked
                      ? [...form.values.chosen, person.id]
                      : form.values.chosen.filter((id) => id !== person.id),
                  )
                }
              />
              {person.name}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('pricesSetup.officers.save', { market: m.name })}
      </button>
    </form>
  );
}
