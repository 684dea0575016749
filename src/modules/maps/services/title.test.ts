import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTitle } from './title.ts';

test('a title keeps its words with single spaces; blank or one letter is no title', () => {
  assert.equal(cleanTitle('  Rapat   warga \n RW 03 '), 'Rapat warga RW 03');
  assert.equal(cleanTitle('   '), null);
  assert.equal(cleanTitle(' a '), null);
});
