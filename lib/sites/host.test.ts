import { describe, expect, it } from 'vitest';
import { pageAccess, parseSiteInput, siteCovers, type ParsedSite } from './host';

const site = (p: ParsedSite) => (p.ok ? p.site : p.error);

describe('parseSiteInput', () => {
  it('reads a host name, in any case, with or without a trailing dot', () => {
    expect(parseSiteInput('nytimes.com')).toEqual({ ok: true, site: { host: 'nytimes.com', subdomains: true }, label: 'nytimes.com', notes: [] });
    expect(site(parseSiteInput('  NYTimes.COM.  '))).toEqual({ host: 'nytimes.com', subdomains: true });
    expect(site(parseSiteInput('news.example.org', false))).toEqual({ host: 'news.example.org', subdomains: false });
  });

  it('takes the host out of a full address, and drops credentials, path, query and fragment', () => {
    expect(site(parseSiteInput('https://www.bbc.co.uk/news/world-123?x=1#top'))).toEqual({ host: 'bbc.co.uk', subdomains: true });
    expect(site(parseSiteInput('http://user:pw@example.com/a'))).toEqual({ host: 'example.com', subdomains: true });
    expect(site(parseSiteInput('example.com/some/page'))).toEqual({ host: 'example.com', subdomains: true });
  });

  it('reads "*.example.com" as the site and its subdomains', () => {
    expect(site(parseSiteInput('*.example.com', false))).toEqual({ host: 'example.com', subdomains: true });
    expect(parseSiteInput('news.*.example.com').ok).toBe(false);
  });

  it('drops "www." only when the subdomains are covered', () => {
    expect(site(parseSiteInput('www.example.com'))).toEqual({ host: 'example.com', subdomains: true });
    expect(site(parseSiteInput('www.example.com', false))).toEqual({ host: 'www.example.com', subdomains: false });
  });

  it('stores an international name as the browser reports it, and shows it as typed', () => {
    const p = parseSiteInput('Bücher.de');
    expect(p).toEqual({ ok: true, site: { host: 'xn--bcher-kva.de', subdomains: true }, label: 'bücher.de', notes: [] });
    expect(site(parseSiteInput('https://münchen.de/wetter'))).toEqual({ host: 'xn--mnchen-3ya.de', subdomains: true });
  });

  it('leaves a port out, and says so', () => {
    const p = parseSiteInput('localhost:4173');
    expect(p.ok && p.site).toEqual({ host: 'localhost', subdomains: false });
    expect(p.ok && p.notes).toEqual(['The port (4173) is left out: a site rule covers every port.']);
    expect(site(parseSiteInput('http://example.com:8080/x'))).toEqual({ host: 'example.com', subdomains: true });
  });

  it('reads IP addresses and localhost as single hosts', () => {
    expect(site(parseSiteInput('127.0.0.1'))).toEqual({ host: '127.0.0.1', subdomains: false });
    expect(site(parseSiteInput('http://192.168.1.20:3000/'))).toEqual({ host: '192.168.1.20', subdomains: false });
    expect(site(parseSiteInput('[::1]'))).toEqual({ host: '[::1]', subdomains: false });
    expect(site(parseSiteInput('localhost'))).toEqual({ host: 'localhost', subdomains: false });
  });

  it('refuses junk with a message that says what a site looks like', () => {
    for (const junk of ['', 'not a site', 'example', '1.2.3', '192.168.1.300', 'exa$mple.com', '-bad.com', 'a..com', 'ftp://example.com', 'javascript:alert(1)', '*.', '%%%']) {
      const p = parseSiteInput(junk);
      expect(p.ok, junk).toBe(false);
      if (!p.ok) expect(p.error, junk).toMatch(junk === '' ? /Type a site/ : /is not a site: .+\. Type a host name such as example\.com/);
    }
    const p = parseSiteInput('ftp://example.com');
    expect(!p.ok && p.error).toContain('not ftp: addresses');
  });

  it('clips a very long input in its message', () => {
    const p = parseSiteInput(`${'x'.repeat(200)} y`);
    expect(!p.ok && p.error.length).toBeLessThan(200);
  });
});

describe('siteCovers', () => {
  const bbc = { host: 'bbc.co.uk', subdomains: true };
  it('covers the host and, when asked, its subdomains, never a look-alike', () => {
    expect(siteCovers(bbc, 'bbc.co.uk')).toBe(true);
    expect(siteCovers(bbc, 'www.bbc.co.uk')).toBe(true);
    expect(siteCovers(bbc, 'WWW.BBC.CO.UK.')).toBe(true);
    expect(siteCovers(bbc, 'notbbc.co.uk')).toBe(false);
    expect(siteCovers(bbc, 'bbc.co.uk.evil.com')).toBe(false);
    expect(siteCovers({ host: 'bbc.co.uk', subdomains: false }, 'www.bbc.co.uk')).toBe(false);
  });

  it('matches IP addresses and localhost exactly', () => {
    expect(siteCovers({ host: '127.0.0.1', subdomains: true }, '127.0.0.1')).toBe(true);
    expect(siteCovers({ host: '0.0.1', subdomains: true }, '127.0.0.1')).toBe(false);
    expect(siteCovers({ host: 'localhost', subdomains: false }, 'localhost')).toBe(true);
    expect(siteCovers({ host: 'localhost', subdomains: true }, 'app.localhost')).toBe(false);
  });

  it('matches an international name in the form pages report it', () => {
    const p = parseSiteInput('bücher.de');
    expect(p.ok && siteCovers(p.site, new URL('https://www.bücher.de/x').hostname)).toBe(true);
  });
});

describe('pageAccess', () => {
  it('tells web pages from the browser’s own pages, web stores and the rest', () => {
    expect(pageAccess('https://www.nytimes.com/2024/03/18/world/x.html')).toBe('web');
    expect(pageAccess('http://localhost:4173/')).toBe('web');
    expect(pageAccess('chrome://settings')).toBe('browser-page');
    expect(pageAccess('about:addons')).toBe('browser-page');
    expect(pageAccess('chrome-extension://abc/options.html')).toBe('browser-page');
    expect(pageAccess('moz-extension://abc/options.html')).toBe('browser-page');
    expect(pageAccess('view-source:https://example.com/')).toBe('browser-page');
    expect(pageAccess('https://chromewebstore.google.com/detail/x')).toBe('web-store');
    expect(pageAccess('https://chrome.google.com/webstore/category/extensions')).toBe('web-store');
    expect(pageAccess('https://addons.mozilla.org/en-US/firefox/')).toBe('web-store');
    expect(pageAccess('https://chrome.google.com/other')).toBe('web');
    expect(pageAccess('file:///home/me/page.html')).toBe('not-a-web-page');
    expect(pageAccess('data:text/html,hi')).toBe('not-a-web-page');
    expect(pageAccess(undefined)).toBe('not-a-web-page');
    expect(pageAccess('not a url')).toBe('not-a-web-page');
  });
});
