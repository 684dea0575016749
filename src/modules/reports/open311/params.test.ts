import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Open311Error, publicQueryOf, requestsArgs, statusesOf } from './params.ts';

const DAY = 86_400_000;
const now = new Date('2026-11-23T03:00:00Z');
const refuses = (fn: () => unknown, key: string) =>
  assert.throws(fn, (e: unknown) => e instanceof Open311Error && e.status === 400 && e.key === key);

test('empty arguments are absent ones; lists are comma-separated or repeated', () => {
  assert.deepEqual(requestsArgs({ start_date: '', status: ' ', service_code: ',', page: '' }), {
    page: 1,
    pageSize: 1000,
  });
  assert.deepEqual(
    requestsArgs({
      service_code: ['roads,sanitation', 'roads'],
      status: ['Open', 'closed,open'],
      page: '2',
      page_size: '50',
    }),
    { codes: ['roads', 'sanitation'], status: ['open', 'closed'], page: 2, pageSize: 50 },
  );
  assert.deepEqual(requestsArgs({ service_request_id: '261123-abcde, 261123-FGHJK' }).ids, [
    '261123-ABCDE',
    '261123-FGHJK',
  ]);
  refuses(() => requestsArgs({ status: 'pending' }), 'status');
  refuses(() => requestsArgs({ page: '0' }), 'page');
  refuses(() => requestsArgs({ page_size: '1001' }), 'page_size');
  refuses(() => requestsArgs({ page_size: '1.5' }), 'page_size');
  refuses(
    () => requestsArgs({ service_request_id: Array.from({ length: 1001 }, (_, i) => `x${i}`).join(',') }),
    'too_many_ids',
  );
});

test('the window: the last 90 days by default, 90 from a start or up to an end, never longer', () => {
  const q = (query: object) => publicQueryOf(requestsArgs(query), 'Asia/Jakarta', now);
  const byDefault = q({});
  assert.equal(byDefault.to?.getTime(), now.getTime());
  assert.equal(byDefault.from?.getTime(), now.getTime() - 90 * DAY);
  assert.equal(byDefault.limit, 1000);
  assert.equal(byDefault.offset, 0);
  const fromStart = q({ start_date: '2026-01-01T00:00:00Z' });
  assert.equal(fromStart.to?.getTime(), Date.parse('2026-01-01T00:00:00Z') + 90 * DAY);
  const upToEnd = q({ end_date: '2026-06-01T00:00:00Z' });
  assert.equal(upToEnd.from?.getTime(), Date.parse('2026-06-01T00:00:00Z') - 90 * DAY);
  const exactly = q({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' });
  assert.equal(exactly.from?.toISOString(), '2026-01-01T00:00:00.000Z');
  refuses(() => q({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }), 'date_span');
  refuses(() => q({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }), 'date_order');
  refuses(() => q({ end_date: 'besok' }), 'date');
  const paged = q({ page: '3', page_size: '20', status: 'closed', service_code: 'roads' });
  assert.deepEqual([paged.limit, paged.offset], [20, 40]);
  assert.deepEqual(paged.categories, ['roads']);
  assert.deepEqual(paged.statuses, ['closed', 'rejected', 'referred', 'duplicate']);
});

test('service_request_id overrides every other argument', () => {
  const query = publicQueryOf(
    requestsArgs({ service_request_id: 'A,B', start_date: 'rusak', status: 'closed', page: '9' }),
    'Asia/Jakarta',
    now,
  );
  assert.deepEqual(query, { trackingNos: ['A', 'B'], limit: 1000, offset: 0 });
});

test('open is every status still being worked on', () => {
  assert.deepEqual(statusesOf(['open']), [
    'received',
    'awaiting_info',
    'verified',
    'disposed',
    'in_progress',
    'done',
    'reopened',
  ]);
  assert.equal(statusesOf(['open', 'closed']).length, 11);
});
