// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { BackstoryDB } from '../../../lib/db/schema';
import { installPack } from '../../../lib/db/packs-repo';
import { openTestDB, testPack } from '../../../lib/db/testing';
import { Library } from '../Library';
import { byText, change, fakeBackground, textOf as text, waitFor, type FakeBackground } from '../testing';
import { localOnlyLines } from './SyncPanel';

let host: HTMLElement | null = null;
let db: BackstoryDB;
let bg: FakeBackground;

function mount(): HTMLElement {
  window.location.hash = '#sites';
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Library db={db} send={bg.send} />, host as HTMLElement));
  return host;
}

beforeEach(async () => {
  db = openTestDB();
  bg = fakeBackground(db);
  await installPack(db, testPack());
});

afterEach(() => {
  if (host) act(() => render(null, host as HTMLElement));
  host?.remove();
  host = null;
  db.close();
});

const rules = (el: HTMLElement) => [...el.querySelectorAll('.bs-site-rule')].map((r) => `${r.getAttribute('data-host')}: ${text(r.querySelector('.bs-site-rule__status'))}`);

async function addSite(el: HTMLElement, value: string): Promise<void> {
  const field = el.querySelector<HTMLInputElement>('.bs-site-form__input');
  if (!field) throw new Error('no site field');
  change(field, value);
  await act(async () => {
    el.querySelector('form.bs-site-form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('the Sites section', () => {
  it('turns a site off from what the reader types, back on, and removes it', async () => {
    const el = mount();
    await waitFor(() => el.querySelector('.bs-sites'));
    expect(text(el.querySelector('.bs-site-rules') ?? el.querySelector('.bs-sites'))).toMatch(/Backstory runs on every site/);
    await addSite(el, 'https://www.nytimes.com/2024/03/18/world/story.html');
    await waitFor(() => el.querySelector('.bs-site-rule'));
    expect(rules(el)).toEqual(['nytimes.com: Off']);
    expect(text(el.querySelector('.bs-notice'))).toMatch(/off on/);
    expect(el.querySelector<HTMLInputElement>('.bs-site-form__input')?.value).toBe('');

    await act(async () => byText(el, '.bs-site-rule__toggle', 'Turn back on').click());
    await waitFor(() => rules(el)[0]?.endsWith('Backstory runs here'));
    await act(async () => byText(el, '.bs-site-rule__remove', 'Remove').click());
    await waitFor(() => el.querySelectorAll('.bs-site-rule').length === 0);
  });

  it('says what is wrong with junk and keeps what was typed', async () => {
    const el = mount();
    await waitFor(() => el.querySelector('.bs-sites'));
    await addSite(el, 'what is this');
    const error = await waitFor(() => el.querySelector('.bs-sites [role="alert"]'));
    expect(text(error)).not.toBe('');
    expect(el.querySelector<HTMLInputElement>('.bs-site-form__input')?.value).toBe('what is this');
    expect(el.querySelector('.bs-site-form__input')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('switches to "only on the listed sites" and words the rules that way', async () => {
    const el = mount();
    await waitFor(() => el.querySelector('.bs-sites'));
    const only = [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
    await act(async () => only?.click());
    await waitFor(() => /Backstory runs nowhere/.test(text(el.querySelector('.bs-sites'))));
    await addSite(el, 'haaretz.com');
    await waitFor(() => el.querySelector('.bs-site-rule'));
    expect(rules(el)).toEqual(['haaretz.com: Backstory runs here']);
  });

  it('says how many records sync storage cannot hold, per collection', () => {
    expect(localOnlyLines({ entities: 3 }, { entities: 40 })).toEqual(['3 of your entities are kept on this browser only: sync storage is full.']);
    expect(localOnlyLines({ sites: 1 }, { sites: 1 })).toEqual(['1 site rule is kept on this browser only: sync storage is full.']);
    expect(localOnlyLines({ sites: 0 }, {})).toEqual([]);
  });
});
