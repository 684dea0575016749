/**
 * The examples of the market-prices app's API reference: two markets of Kota Tangerang and the
 * prices of rice and chilli. The schemas carry them (`examples`); the OpenAPI test checks each one
 * against its schema.
 */

const ANYAR = { code: 'pasar-anyar', name: 'Pasar Anyar' };
const OFFICER = { id: '01939a4e-7c21-7d3e-9a8b-2f41c6d0e512', name: 'Dewi Lestari' };
const RICE = { code: 'beras-medium', name: 'Beras medium', group: 'beras', grade: 'medium', unit: 'kg' };
const CHILLI = {
  code: 'cabai-merah-keriting',
  name: 'Cabai merah keriting',
  group: 'cabai',
  grade: null,
  unit: 'kg',
};
const change = (price: number, before: number, day: string) => ({
  day,
  price: before,
  diff: price - before,
  percent: Math.round(((price - before) / before) * 1000) / 10,
});

export const marketExample = {
  ...ANYAR,
  address: 'Jl. Ki Samaun, Sukasari, Kec. Tangerang',
  lat: -6.1781,
  lng: 106.6297,
  agencyId: '01939a40-9d27-7b58-a3e1-5c8f2b6d0e19',
  active: true,
};

export const marketInputExample = {
  name: 'Pasar Anyar',
  address: 'Jl. Ki Samaun, Sukasari, Kec. Tangerang',
  lat: -6.1781,
  lng: 106.6297,
  agencyId: '01939a40-9d27-7b58-a3e1-5c8f2b6d0e19',
};

export const commodityExample = {
  code: 'beras-medium',
  name: { id: 'Beras medium', en: 'Rice, medium grade' },
  group: 'beras',
  grade: 'medium',
  unit: 'kg',
  minPrice: 8000,
  maxPrice: 20000,
  active: true,
};

export const commodityInputExample = {
  name: commodityExample.name,
  group: 'beras',
  grade: 'medium',
  unit: 'kg',
  minPrice: 8000,
  maxPrice: 20000,
};

export const officersExample = { market: 'pasar-anyar', items: [OFFICER] };
export const officersInputExample = { userIds: [OFFICER.id] };
export const settingsExample = { publishTime: '10:00', jumpPercent: 20, alertPercent: 10 };
export const settingsInputExample = { publishTime: '10:00', alertPercent: 15 };

export const entryInputExample = {
  items: [
    { commodity: 'beras-medium', quotes: [13500, 13000, 13800] },
    { commodity: 'cabai-merah-keriting', quotes: [52000, 55000] },
  ],
};

export const entrySheetExample = {
  market: ANYAR,
  day: '2026-12-04',
  dayStatus: 'open',
  items: [
    {
      commodity: 'beras-medium',
      name: 'Beras medium',
      unit: 'kg',
      minPrice: 8000,
      maxPrice: 20000,
      quotes: [13500, 13000, 13800],
      price: 13500,
      status: 'draft',
      previous: { day: '2026-12-03', price: 13400 },
    },
  ],
};

export const reviewExample = {
  day: '2026-12-04',
  dayStatus: 'open',
  publicFrom: null,
  jumpPercent: 20,
  counts: { draft: 2, verified: 0, published: 0 },
  markets: [
    {
      ...ANYAR,
      missing: 1,
      missingCommodities: [{ code: 'bawang-merah', name: 'Bawang merah' }],
      items: [
        {
          commodity: 'cabai-merah-keriting',
          name: 'Cabai merah keriting',
          quotes: [52000, 55000],
          price: 53500,
          status: 'draft',
          previous: { day: '2026-12-03', price: 43000 },
          changePercent: 24.4,
          jump: true,
        },
      ],
    },
  ],
};

export const verifyInputExample = { markets: ['pasar-anyar'] };

export const dayResultExample = {
  day: '2026-12-04',
  dayStatus: 'published',
  entries: 24,
  publicFrom: '2026-12-04T03:00:00.000Z',
  alerts: 1,
};

export const correctionInputExample = {
  commodity: 'beras-medium',
  quotes: [13500, 13000],
  reason: 'Harga tercatat dari kios beras premium; diganti dengan survei ulang kios beras medium.',
};

export const correctionResultExample = {
  market: 'pasar-anyar',
  commodity: 'beras-medium',
  day: '2026-12-04',
  before: 15500,
  price: 13250,
  alerts: 0,
};

export const importResultExample = { market: 'pasar-anyar', day: '2026-12-04', saved: 18 };

export const todayExample = {
  day: '2026-12-04',
  publishedAt: '2026-12-04T03:00:00.000Z',
  compared: { yesterday: '2026-12-03', week: '2026-11-27', month: '2026-11-04' },
  city: [
    {
      commodity: CHILLI,
      day: '2026-12-04',
      price: 52750,
      min: 52000,
      max: 53500,
      markets: 2,
      cheapest: { code: 'pasar-malabar', name: 'Pasar Malabar', price: 52000 },
      change: {
        yesterday: change(52750, 43500, '2026-12-03'),
        week: change(52750, 41000, '2026-11-27'),
        month: null,
      },
    },
  ],
  markets: [
    {
      ...ANYAR,
      items: [
        {
          commodity: 'cabai-merah-keriting',
          day: '2026-12-04',
          price: 53500,
          change: { yesterday: change(53500, 43000, '2026-12-03'), week: null, month: null },
        },
      ],
    },
  ],
};

export const historyExample = {
  commodity: RICE,
  market: null,
  from: '2026-12-01',
  to: '2026-12-04',
  points: [
    { day: '2026-12-01', price: 13300, min: 13100, max: 13500, markets: 2 },
    { day: '2026-12-02', price: 13350, min: 13200, max: 13500, markets: 2 },
    { day: '2026-12-04', price: 13375, min: 13250, max: 13500, markets: 2 },
  ],
};

export const alertsExample = {
  items: [
    {
      id: '01939e3a-6b12-7d45-8e9c-2f0a7b4c1d63',
      day: '2026-12-04',
      commodity: { code: CHILLI.code, name: CHILLI.name, unit: 'kg' },
      market: ANYAR,
      previousDay: '2026-12-03',
      previous: 43000,
      current: 53500,
      percent: 24.4,
      createdAt: '2026-12-04T03:00:02.000Z',
    },
  ],
};

export const subscriptionExample = { alerts: true, dailySummary: false };
