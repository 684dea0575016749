/**
 * Holidays: the year's national holidays and cuti bersama (set nationally, read-only here) and the
 * tenant's local holidays, which administrators add and remove. Deadlines skip all of them.
 */
import { useState } from 'react';
import type { ApiError } from '../api.ts';
import { Field, formatDay, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, Scroll, SectionHead, todayIn, useForm } from './kit.tsx';

type Holiday = { date: string; kind: 'national' | 'cuti_bersama' | 'local'; name: string };

export function HolidaysSection() {
  const { api, t } = useConsole();
  const thisYear = Number(todayIn(api.config.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState('');
  const [removeError, setRemoveError] = useState<ApiError | undefined>();
  const holidays = useLoad(
    () => api.get<{ items: Holiday[] }>('/calendar/holidays', { year }).then((r) => r.items),
    [year],
  );
  const remove = async (h: Holiday) => {
    setRemoveError(undefined);
    setNotice('');
    try {
      await api.delete(`/calendar/holidays/${h.date}`);
      setNotice(t('admin.holidays.removed'));
      holidays.reload();
    } catch (err) {
      setRemoveError(err as ApiError);
    }
  };
  const { lang } = api.config;
  return (
    <section aria-labelledby="holidays-title">
      <SectionHead id="holidays-title" title={t('admin.nav.holidays')} intro={t('admin.holidays.intro')} />
      <AddHoliday onDone={holidays.reload} />
      <div className="filters">
        <label htmlFor="holidays-year">{t('admin.holidays.year')}</label>
        <select id="holidays-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <h2 id="holidays-list">{t('admin.holidays.list', { year })}</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Problem error={holidays.error ?? removeError} />
      {holidays.data && holidays.data.length === 0 ? (
        <p className="empty">{t('admin.holidays.empty')}</p>
      ) : null}
      {holidays.data && holidays.data.length > 0 ? (
        <Scroll label={t('admin.holidays.list', { year })}>
          <table className="list" aria-labelledby="holidays-list">
            <thead>
              <tr>
                <th scope="col">{t('admin.holidays.date')}</th>
                <th scope="col">{t('admin.holidays.name')}</th>
                <th scope="col">{t('admin.holidays.kind')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {holidays.data.map((h) => (
                <tr key={`${h.date}-${h.kind}-${h.name}`} data-kind={h.kind} data-date={h.date}>
                  <td>
                    <time dateTime={h.date}>{formatDay(h.date, lang, 'longDay')}</time>
                  </td>
                  <td>{h.name}</td>
                  <td>
                    <span className={`badge holiday-${h.kind}`}>{t(`admin.holidays.kinds.${h.kind}`)}</span>
                  </td>
                  <td>
                    {h.kind === 'local' ? (
                      <button
                        type="button"
                        onClick={() => void remove(h)}
                        aria-label={t('admin.holidays.removeLabel', { name: h.name })}
                      >
                        {t('admin.holidays.remove')}
                      </button>
                    ) : null}
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

function AddHoliday({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ date: '', name: '' });
  const v = form.values;
  const submit = form.submit(
    async () => {
      await api.post('/calendar/holidays', { date: v.date, name: v.name.trim() });
      form.reset({ date: '', name: '' });
    },
    t('admin.holidays.added', { name: v.name.trim() }),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="holiday-add-title">
      <h2 id="holiday-add-title">{t('admin.holidays.add')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="holiday-date" label={t('admin.holidays.date')} error={form.err('date')}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={v.date}
              onChange={(e) => form.set('date', e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="holiday-name" label={t('admin.holidays.name')} error={form.err('name')}>
          {(aria) => (
            <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} required />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.holidays.add')}
      </button>
    </form>
  );
}
