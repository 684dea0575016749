import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineParameters, sqlLiteral } from './inline-parameters.ts';

test('values become the literals node-postgres would have sent as parameters', () => {
  assert.equal(sqlLiteral(null), 'NULL');
  assert.equal(sqlLiteral(undefined), 'NULL');
  assert.equal(sqlLiteral(42), "'42'");
  assert.equal(sqlLiteral(true), "'true'");
  assert.equal(sqlLiteral(12345678901234567890n), "'12345678901234567890'");
  assert.equal(sqlLiteral("it's"), "'it''s'");
  // A backslash makes it an E'' string with the backslash doubled.
  assert.equal(sqlLiteral('a\\b'), " E'a\\\\b'");
  assert.equal(sqlLiteral({ a: "o'k" }), `'{"a":"o''k"}'`);
  // An array is pg's array text, whose element quotes are backslash-escaped: an E'' string.
  assert.equal(sqlLiteral(['x', 'y"z']), ` E'{"x","y\\\\"z"}'`);
  assert.equal(sqlLiteral(Buffer.from([0, 255])), null, 'binary goes as a parameter');
  assert.equal(sqlLiteral('a\0b'), null, 'a NUL goes as a parameter, refused alone');
  assert.match(sqlLiteral(new Date(0)) ?? '', /^'19(69|70)-/);
});

test('parameters are replaced where they are parameters, and nowhere else', () => {
  const sql = `select "a$1", '$1', E'\\'$1', $$ $1 $$, $q$ $2 $q$, /* $1 /* $2 */ */ $1 -- $2\n, $2, $10`;
  const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
  assert.equal(
    inlineParameters(sql, params),
    `select "a$1", '$1', E'\\'$1', $$ $1 $$, $q$ $2 $q$, /* $1 /* $2 */ */ 'v1' -- $2\n, 'v2', 'v10'`,
  );
  assert.equal(
    inlineParameters('select x$1 from t where id = $1', ['k']),
    "select x$1 from t where id = 'k'",
  );
  assert.equal(inlineParameters("select 'it''s $1' || $1", ['z']), "select 'it''s $1' || 'z'");
});

test('what the scanner cannot be sure of is left to the parameters', () => {
  assert.equal(inlineParameters("select 'open $1", ['x']), null, 'an unterminated string');
  assert.equal(inlineParameters('select $$ open $1', ['x']), null, 'an unterminated dollar quote');
  assert.equal(inlineParameters('select /* open $1', ['x']), null, 'an unterminated comment');
  assert.equal(inlineParameters('select $2', ['x']), null, 'a parameter without a value');
  assert.equal(inlineParameters('select $1', ['x'.repeat(70_000)]), null, 'too long to inline');
  assert.equal(inlineParameters('select 1', []), 'select 1');
  assert.equal(inlineParameters('select $1 where x = $2', ['a', Buffer.from([1])]), null, 'binary');
  assert.equal(inlineParameters('select u&$1', ['x']), null, 'a Unicode string constant');
});

test('a line comment ends at a carriage return as at a newline', () => {
  assert.equal(inlineParameters('select 1 -- note\r, $1', ['x']), "select 1 -- note\r, 'x'");
});
