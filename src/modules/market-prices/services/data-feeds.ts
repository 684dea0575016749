/**
 * The market prices app's data feed (`AppManifest.dataFeeds`) for an open-data catalogue: the
 * published prices per day, market and commodity (repo/feed-prices.ts says which are public).
 *
 * Bounded to the last FEED_DAYS days (today included, in the tenant's zone): a catalogue reads the
 * whole table at each read and keeps it as a version when it differs, and years of daily entry
 * (6 markets × 30 commodities × 365 days is 65,700 rows a year) would make every version grow
 * without end. Thirteen months and a bit cover a year's comparison of the same month; older
 * prices stay in the app's own history (`/harga/riwayat`, its API and CSV) and in the versions a
 * catalogue kept.
 */
import type { DataFeed } from '../../../platform/sdk/index.ts';
import { addDays } from '../prices.ts';
import { publishedPricesBetween } from '../repo/feed-prices.ts';
import { todayOf } from './today.ts';

/** How many days (today included) the feed holds. */
export const FEED_DAYS = 400;

export const marketPriceDataFeeds: readonly DataFeed[] = [
  {
    id: 'prices-daily',
    title: {
      id: 'Harga harian bahan pokok per pasar',
      en: 'Daily staple food prices per market',
    },
    description: {
      id: `Harga bahan pokok yang sudah dipublikasikan, per hari, pasar dan komoditas, selama ${FEED_DAYS} hari terakhir. Harga adalah median harga beberapa pedagang yang dicatat petugas pasar, dalam rupiah per satuan.`,
      en: `Published staple food prices per day, market and commodity over the last ${FEED_DAYS} days. Each price is the median of several traders’ prices recorded by the market officer, in rupiah per unit.`,
    },
    frequency: 'daily',
    keywords: ['harga', 'bahan pokok', 'pasar', 'komoditas', 'inflasi'],
    indicator: { id: 'Harga bahan pokok', en: 'Staple food price' },
    unit: 'Rp',
    columns: [
      {
        name: 'date',
        type: 'date',
        label: { id: 'Tanggal', en: 'Date' },
        description: { id: 'Hari harga dicatat.', en: 'The day the price was recorded.' },
      },
      {
        name: 'market_code',
        type: 'text',
        label: { id: 'Kode pasar', en: 'Market code' },
        description: { id: 'Kode tetap pasar.', en: 'The market’s stable code.' },
      },
      {
        name: 'market',
        type: 'text',
        label: { id: 'Pasar', en: 'Market' },
        description: { id: 'Nama pasar.', en: 'The market’s name.' },
      },
      {
        name: 'commodity_code',
        type: 'text',
        label: { id: 'Kode komoditas', en: 'Commodity code' },
        description: { id: 'Kode tetap komoditas.', en: 'The commodity’s stable code.' },
      },
      {
        name: 'commodity',
        type: 'text',
        label: { id: 'Komoditas', en: 'Commodity' },
        description: { id: 'Nama komoditas.', en: 'The commodity’s name (in Indonesian).' },
      },
      {
        name: 'unit',
        type: 'text',
        label: { id: 'Satuan', en: 'Unit' },
        description: { id: 'Satuan harga: kg atau liter.', en: 'The unit priced: kg or liter.' },
      },
      {
        name: 'price',
        type: 'int',
        label: { id: 'Harga', en: 'Price' },
        description: {
          id: 'Harga dalam rupiah per satuan (median harga para pedagang yang ditanya).',
          en: 'The price in rupiah per unit (the median of the traders asked).',
        },
        unit: 'Rp',
      },
    ],
    async rows(scope, _platform, tenant) {
      const now = new Date();
      const today = todayOf(tenant, now);
      return await publishedPricesBetween(scope, addDays(today, -(FEED_DAYS - 1)), today, now);
    },
  },
];
