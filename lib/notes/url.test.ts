import { describe, expect, it } from 'vitest';
import { noteUrlKey, siteOf } from './url';

describe('noteUrlKey', () => {
  it.each([
    ['HTTPS://News.Example.COM/Path/Story', 'https://news.example.com/Path/Story'],
    ['https://news.example/a#section-2', 'https://news.example/a'],
    ['https://news.example/a?utm_source=tw&utm_medium=social&id=7#x', 'https://news.example/a?id=7'],
    ['https://news.example/a?fbclid=abc', 'https://news.example/a'],
    ['https://news.example/a?GCLID=1&page=2&UTM_Campaign=x&q=a+b', 'https://news.example/a?page=2&q=a+b'],
    ['https://news.example:443/a?', 'https://news.example/a'],
    ['http://news.example:8080/a', 'http://news.example:8080/a'],
    ['https://news.example', 'https://news.example/'],
    ['  https://news.example/a  ', 'https://news.example/a'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, key) => {
    expect(noteUrlKey(url)).toBe(key);
  });

  it('keeps the order and repetition of other parameters, and the path case', () => {
    expect(noteUrlKey('https://x.example/A?b=2&a=1&b=3')).toBe('https://x.example/A?b=2&a=1&b=3');
  });

  it('gives the same key to the same page reached through a tracked link', () => {
    expect(noteUrlKey('https://www.example.com/news/1?utm_source=newsletter#comments')).toBe(
      noteUrlKey('https://WWW.example.com/news/1'),
    );
  });
});

describe('siteOf', () => {
  it('is the lowercased host name', () => {
    expect(siteOf('https://WWW.Example.com:8443/a?b#c')).toBe('www.example.com');
    expect(siteOf('nonsense')).toBeUndefined();
    expect(siteOf('file:///tmp/a.html')).toBeUndefined();
  });
});
