import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { reusableQuery } from './reusable-query.ts';

type Tables = { people: { id: string; tenant_id: string; name: string; age: number } };

const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

type Values = { tenantId: string; name?: string | undefined; limit?: number | undefined };

function counted() {
  let builds = 0;
  const query = reusableQuery<Values>()((k: Kysely<Tables>, v) => {
    builds += 1;
    let q = k.selectFrom('people').select(['id', 'name']).where('tenant_id', '=', v.tenantId);
    if (v.name) q = q.where('name', 'ilike', v.name);
    q = q.where('age', '>', 17).orderBy('name');
    if (v.limit) q = q.limit(v.limit);
    return q;
  });
  return { query, builds: () => builds };
}

test('each shape is built once; later values take the places of the first', () => {
  const { query, builds } = counted();
  const a = query.compile(db, { tenantId: 't1', limit: 50 });
  const b = query.compile(db, { tenantId: 't2', limit: 10 });
  assert.equal(builds(), 1);
  assert.equal(a.sql, b.sql);
  assert.equal(
    b.sql,
    'select "id", "name" from "people" where "tenant_id" = $1 and "age" > $2 order by "name" limit $3',
  );
  assert.deepEqual(a.parameters, ['t1', 17, 50]);
  assert.deepEqual(b.parameters, ['t2', 17, 10]);
  assert.notEqual(a.queryId, b.queryId, 'one id per execution');
});

test('what is given makes the shape: undefined is not given, 0 is', () => {
  const { query, builds } = counted();
  const filtered = query.compile(db, { tenantId: 't1', name: '%budi%', limit: undefined });
  assert.match(filtered.sql, /"name" ilike \$2/);
  assert.doesNotMatch(filtered.sql, /limit/);
  assert.deepEqual(filtered.parameters, ['t1', '%budi%', 17]);
  const zero = query.compile(db, { tenantId: 't1', limit: 0 });
  assert.match(zero.sql, /limit \$3$/);
  assert.deepEqual(zero.parameters, ['t1', 17, 0]);
  query.compile(db, { tenantId: 't9', name: '%ani%' });
  assert.equal(builds(), 2);
});

test('a value used other than as a value fails at once, naming it', () => {
  const query = reusableQuery<{ tenantId: string; name: string }>()((k: Kysely<Tables>, v) =>
    k
      .selectFrom('people')
      .select('id')
      .where('tenant_id', '=', v.tenantId)
      // A slot turned into text: its value would be compiled into the query once and for all.
      .where('name', 'ilike', `%${String(v.name)}%`),
  );
  assert.throws(
    () => query.compile(db, { tenantId: 't1', name: 'budi' }),
    /"name" given but not used as a value/,
  );
});

test('a slot inside raw SQL is a value too', () => {
  const query = reusableQuery<{ ids: string[] }>()((k: Kysely<Tables>, v) =>
    k.selectFrom('people').select('id').where(sql<boolean>`id = any(${v.ids})`),
  );
  const compiled = query.compile(db, { ids: ['a', 'b'] });
  assert.equal(compiled.sql, 'select "id" from "people" where id = any($1)');
  assert.deepEqual(compiled.parameters, [['a', 'b']]);
});
