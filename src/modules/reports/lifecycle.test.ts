import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACTIONS,
  actionsFrom,
  FINAL_STATUSES,
  nextStatus,
  open311Status,
  RULES,
  STATUSES,
  stageOf,
} from './lifecycle.ts';

test('every action leads from its listed statuses only, to a known status', () => {
  for (const action of ACTIONS) {
    for (const status of STATUSES) {
      const to = nextStatus(status, action);
      if (RULES[action].from.includes(status)) assert.equal(to, RULES[action].to);
      else assert.equal(to, null, `${action} from ${status} must be refused`);
    }
    assert.ok(STATUSES.includes(RULES[action].to));
  }
});

test('finished reports cannot be worked on; only the reporter reopens a closed one', () => {
  for (const status of FINAL_STATUSES) {
    for (const role of ['operator', 'agency', 'system'] as const)
      assert.deepEqual(actionsFrom(status, role), []);
  }
  assert.deepEqual(actionsFrom('closed', 'reporter'), ['reopen']);
  assert.deepEqual(actionsFrom('rejected', 'reporter'), []);
});

test('the life of a report, step by step', () => {
  const path = [
    'verify',
    'dispose',
    'start',
    'complete',
    'send_back',
    'complete',
    'close',
    'reopen',
    'verify',
  ] as const;
  let status: (typeof STATUSES)[number] = 'received';
  for (const action of path) {
    const next = nextStatus(status, action);
    assert.ok(next, `${action} from ${status}`);
    status = next;
  }
  assert.equal(status, 'verified');
  assert.equal(nextStatus('received', 'close'), null);
  assert.equal(nextStatus('disposed', 'verify'), null);
  assert.equal(nextStatus('closed', 'complete'), null);
});

test('each status runs the right clock and reads right in Open311', () => {
  assert.equal(stageOf('received'), 'triage');
  assert.equal(stageOf('reopened'), 'triage');
  assert.equal(stageOf('in_progress'), 'follow_up');
  assert.equal(stageOf('done'), 'reporter');
  assert.equal(stageOf('awaiting_info'), null);
  assert.equal(stageOf('closed'), null);
  assert.equal(open311Status('done'), 'open');
  assert.equal(open311Status('duplicate'), 'closed');
});
