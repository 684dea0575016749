import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedSrc } from './embed.ts';

test('YouTube links of every form become the privacy-enhanced embed address', () => {
  const embed = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';
  for (const link of [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://youtube.com/shorts/dQw4w9WgXcQ',
    ' https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ ',
  ]) {
    assert.equal(embedSrc(link), embed, link);
  }
});

test('a Google Maps embed address is kept; any other address is refused', () => {
  assert.equal(
    embedSrc('https://www.google.com/maps/embed?pb=!1m18#x'),
    'https://www.google.com/maps/embed?pb=!1m18',
  );
  for (const bad of [
    'http://www.youtube.com/watch?v=abc',
    'https://www.youtube.com/watch?v=a"b',
    'https://evil.example/embed/abc',
    'https://www.google.com/maps/place/Tangerang',
    'https://www.google.com/maps/embed',
    'https://user@www.youtube.com/embed/abc',
    'javascript:alert(1)',
    'not a url',
  ]) {
    assert.equal(embedSrc(bad), undefined, bad);
  }
});
