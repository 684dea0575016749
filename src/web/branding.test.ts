import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contrastWithWhite, headerColor, PLATFORM_BLUE } from './branding.ts';

test('white text decides the header colour: readable tenant colours stay, others give way', () => {
  assert.equal(headerColor('#1a5e3a'), '#1a5e3a');
  assert.equal(headerColor('#fff'), PLATFORM_BLUE);
  assert.equal(headerColor('#ffd400'), PLATFORM_BLUE);
  assert.equal(headerColor('biru'), PLATFORM_BLUE);
  assert.equal(headerColor(undefined), PLATFORM_BLUE);
  assert.equal(contrastWithWhite('#000'), 21);
  assert.equal(contrastWithWhite('#ffffff'), 1);
  assert.equal(contrastWithWhite('#12345'), undefined);
});
