/**
 * What the market prices screens share: the app's permissions, the API's shapes, and the market
 * and day chooser, kept in the address (`?pasar=<code>&tanggal=<YYYY-MM-DD>`) so that a reload,
 * a bookmark or a move between the entry and the import keeps the same sheet.
 */
import { Field, formatDay, navigate, todayIn, useConsole } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { DayResultType, EntrySheetType, PriceAlertType, ReviewType } from '../schemas.ts';

/** The market prices app's code in the catalogue. */
export const PRICES_APP = 'market-prices';

export type MarketRef = { code: string; name: string };
export type Previous = { day: string; price: number } | null;

export type EntrySheet = EntrySheetType;

export type Review = ReviewType;

export type DayResult = DayResultType;

export type PriceAlert = PriceAlertType;

/** Whether the tenant has the app live and the session holds one of the app's permissions. */
export function pricesOpen(apps: readonly string[], can: (p: string) => boolean): boolean {
  return apps.includes(PRICES_APP) && Object.values(PERM).some(can);
}

/** The day in the address, or today in the tenant's zone. */
export function dayOf(search: URLSearchParams, timeZone: string): string {
  const asked = search.get('tanggal') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : todayIn(timeZone);
}

/** Changes the address's query in place (no new history entry), keeping the other parameters. */
export function setQuery(path: string, search: URLSearchParams, changes: Record<string, string | undefined>) {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  const qs = next.toString();
  navigate(`${path}${qs ? `?${qs}` : ''}`, { replace: true });
}

/** The day chooser: a date input, today in the tenant's zone by default, never a day to come. */
export function DayPicker(props: {
  id: string;
  day: string;
  onDay: (day: string) => void;
  error?: string | undefined;
}) {
  const { api, t } = useConsole();
  const today = todayIn(api.config.timeZone);
  return (
    <Field
      id={props.id}
      label={t('prices.day')}
      error={props.error}
      hint={props.day === today ? `${formatDay(today, api.config.lang)} (${t('prices.today')})` : undefined}
    >
      {(aria) => (
        <input
          {...aria}
          type="date"
          value={props.day}
          max={today}
          onChange={(e) => {
            if (e.target.value) props.onDay(e.target.value);
          }}
          required
        />
      )}
    </Field>
  );
}

/** The market chooser over the markets given (the caller's own, for entry). */
export function MarketPicker(props: {
  id: string;
  markets: readonly MarketRef[];
  market: string;
  onMarket: (code: string) => void;
}) {
  const { t } = useConsole();
  return (
    <Field id={props.id} label={t('prices.market')}>
      {(aria) => (
        <select {...aria} value={props.market} onChange={(e) => props.onMarket(e.target.value)}>
          {props.markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
