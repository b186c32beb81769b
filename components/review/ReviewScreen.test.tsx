// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import type { InstalledPack, Pack } from '../../lib/model';
import type { ImportPackResult } from '../../lib/messaging';
import { parsePack } from '../../lib/packs/schema';
import { draftEntity, draftFixture } from '../../lib/packs/__fixtures__/draft';
import { ReviewScreen, type ReviewScreenProps } from './ReviewScreen';

let host: HTMLElement | null = null;

afterEach(() => {
  if (host) {
    render(null, host);
    host.remove();
    host = null;
  }
});

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function installed(pack: Pack, version = pack.version): InstalledPack {
  const { entities: _entities, ...meta } = pack;
  return { ...meta, version, origin: 'drafted', enabled: true, order: 1, installedAt: 1 };
}

function setup(overrides: Partial<ReviewScreenProps> = {}, draft: Pack = draftFixture()) {
  const save = vi.fn(async (json: string, _replace: boolean): Promise<ImportPackResult> => {
    const parsed = parsePack(JSON.parse(json));
    if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
    return { status: 'installed', pack: installed(parsed.pack), editsKept: 0 };
  });
  const props: ReviewScreenProps = { draft, save, onSaved: vi.fn(), onCancel: vi.fn(), ...overrides };
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<ReviewScreen {...props} />, host as HTMLElement));
  return { el: host, props, save: props.save as typeof save };
}

function card(el: HTMLElement, name: string): HTMLElement {
  const found = [...el.querySelectorAll<HTMLElement>('.bs-rv-card')].find((c) => text(c.querySelector('.bs-rv-card__name')) === name);
  if (!found) throw new Error(`no card "${name}"`);
  return found;
}

function button(el: ParentNode, label: string): HTMLButtonElement {
  const found = [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b).startsWith(label) || b.getAttribute('aria-label')?.startsWith(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

function field(c: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement {
  const l = [...c.querySelectorAll('label')].find((x) => text(x).startsWith(label));
  const control = l ? c.ownerDocument.getElementById(l.htmlFor) : null;
  if (!control) throw new Error(`no field "${label}"`);
  return control as HTMLInputElement | HTMLSelectElement;
}

function type(control: HTMLInputElement | HTMLSelectElement, value: string, commit = true): void {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    if (commit) control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const click = (b: HTMLElement) => act(() => b.click());
const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
const groupTitles = (el: HTMLElement) => [...el.querySelectorAll('.bs-rv-group__title')].map((h) => text(h));
const chips = (c: HTMLElement) => [...c.querySelectorAll('.bs-rv-chip__text')].map((x) => text(x));
const savedPack = (save: ReturnType<typeof setup>['save'], call = 0): Pack => JSON.parse(save.mock.calls[call]?.[0] ?? 'null') as Pack;

describe('ReviewScreen · layout', () => {
  it('shows the title, date, source link and count, groups by kind with people first, and passes axe', async () => {
    const { el } = setup();
    expect(el.querySelector('h1')?.textContent).toBe('Follow this story');
    expect((el.querySelector('#bs-rv-pack-title') as HTMLInputElement).value).toBe('Council passes a leaner budget');
    expect(text(el.querySelector('.bs-rv-meta dt'))).toBe('As of');
    expect(text(el.querySelector('.bs-rv-meta time'))).toBe('2 May 2024');
    const link = el.querySelector<HTMLAnchorElement>('.bs-rv-meta a');
    expect(link?.getAttribute('href')).toBe('https://news.example/council');
    expect(text(link)).toBe('Council passes a leaner budget');
    expect(text(el.querySelector('.bs-rv-meta'))).toContain('News Example');
    expect(text(el.querySelector('.bs-rv-count'))).toBe('5 of 5 selected');
    expect(groupTitles(el)).toEqual(['People (2)', 'Organisations (1)', 'Places (1)', 'Topics (1)']);
    const maria = card(el, 'Maria Lopez');
    expect(text(maria.querySelector('.bs-rv-card__role'))).toBe('Mayor of Riverton');
    expect(chips(maria)).toEqual(['Maria Lopez', 'Lopez']);
    expect(text(maria.querySelector('.bs-rv-context'))).toBe('Maria Lopez was mentioned in the article. 2 May 2024');
    const results = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });

  it('labels every control; each checkbox is labelled with the proposal’s name', () => {
    const { el } = setup();
    for (const control of el.querySelectorAll('input, select')) {
      expect(el.querySelector(`label[for="${control.id}"]`), control.outerHTML).not.toBeNull();
    }
    const boxes = [...el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => text(el.querySelector(`label[for="${b.id}"]`)))).toEqual(['Maria Lopez', 'M. Lopez', 'Riverton City Council', 'Riverton', 'budget']);
  });

  it('renders hostile strings as text and links only http(s) URLs', () => {
    const draft = draftFixture();
    draft.title = '<img src=x onerror="alert(1)">';
    draft.sources = [{ id: 'src-article', title: '<b>bold</b>', date: '2024-05-02', url: 'javascript:alert(1)' }];
    draft.entities = [draftEntity('drafted/person/x', 'person', '<script>alert(1)</script>', { role: '<i>role</i>' })];
    const { el } = setup({}, draft);
    expect(el.querySelector('img, b, i, script')).toBeNull();
    expect(el.querySelector('.bs-rv-meta a')).toBeNull();
    expect(text(el.querySelector('.bs-rv-meta'))).toContain('<b>bold</b>');
    expect(text(el.querySelector('.bs-rv-card__name'))).toBe('<script>alert(1)</script>');
    expect(text(el.querySelector('.bs-rv-card__role'))).toBe('<i>role</i>');
  });
});

describe('ReviewScreen · editing', () => {
  it('unchecking updates the count, and Save is disabled when nothing is selected', () => {
    const { el } = setup();
    const boxes = [...el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    click(boxes[0] as HTMLInputElement);
    expect(text(el.querySelector('.bs-rv-count'))).toBe('4 of 5 selected');
    expect(card(el, 'Maria Lopez').dataset.included).toBe('false');
    for (const box of boxes.slice(1)) click(box);
    expect(text(el.querySelector('.bs-rv-count'))).toBe('0 of 5 selected');
    expect(button(el, 'Save pack').disabled).toBe(true);
    expect(text(el)).toContain('Select at least one to save the pack.');
  });

  it('renames on commit and keeps the old name as an alias; an empty name is refused', () => {
    const { el } = setup();
    type(field(card(el, 'Riverton'), 'Name'), 'Riverton Township');
    const c = card(el, 'Riverton Township');
    expect(chips(c)).toEqual(['Riverton Township', 'Riverton']);
    const name = field(c, 'Name') as HTMLInputElement;
    type(name, '  ');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(text(c.querySelector(`#${name.getAttribute('aria-describedby') ?? 'x'}`))).toBe('A name cannot be empty.');
    expect(card(el, 'Riverton Township')).toBeTruthy();
  });

  it('changing the kind moves the card to its group and keeps focus on its kind select', async () => {
    const { el } = setup();
    const kind = field(card(el, 'budget'), 'Kind') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.text)).toEqual(['Person', 'Organisation', 'Place', 'Topic', 'Event', 'Group']);
    type(kind, 'event');
    await flush();
    expect(groupTitles(el)).toEqual(['People (2)', 'Organisations (1)', 'Places (1)', 'Events (1)']);
    expect(document.activeElement).toBe(field(card(el, 'budget'), 'Kind'));
  });

  it('merges one proposal into another, then focuses the kept one', async () => {
    const { el } = setup();
    const m = card(el, 'M. Lopez');
    const select = field(m, 'Merge into…') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['Choose…', 'budget (Topic)', 'Maria Lopez (Person)', 'Riverton (Place)', 'Riverton City Council (Organisation)']);
    const merge = button(m, 'Merge');
    expect(merge.disabled).toBe(true);
    type(select, 'drafted/person/maria-lopez');
    click(button(card(el, 'M. Lopez'), 'Merge'));
    await flush();
    expect(el.querySelectorAll('.bs-rv-card')).toHaveLength(4);
    expect(chips(card(el, 'Maria Lopez'))).toEqual(['Maria Lopez', 'Lopez', 'M. Lopez']);
    expect(text(card(el, 'Maria Lopez'))).toContain('M. Lopez said the cuts were fair.');
    expect(text(el.querySelector('.bs-rv-count'))).toBe('4 of 4 selected');
    expect(document.activeElement).toBe(card(el, 'Maria Lopez').querySelector('input[type="checkbox"]'));
    expect(text(el)).toContain('Merged “M. Lopez” into “Maria Lopez”.');
  });

  it('adds an alias, refuses a duplicate with a message, and removes one with focus kept in the card', async () => {
    const { el } = setup();
    const c = card(el, 'Riverton City Council');
    const add = field(c, 'Add an alias') as HTMLInputElement;
    type(add, 'the council', false);
    act(() => {
      c.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(chips(c)).toEqual(['Riverton City Council', 'RCC', 'the council']);
    expect(add.value).toBe('');
    type(add, 'RCC', false);
    act(() => {
      c.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(text(c.querySelector('.bs-rv-error'))).toBe('“RCC” is already an alias.');
    expect(c.querySelector('.bs-rv-chip__case')?.textContent).toBe('exact case');
    click(button(c, 'Remove the alias “RCC”'));
    await flush();
    expect(chips(c)).toEqual(['Riverton City Council', 'the council']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove the alias “the council” (any case)');
    click(button(c, 'Remove the alias “the council”'));
    await flush();
    expect(chips(c)).toEqual(['Riverton City Council']);
    expect(c.querySelector('.bs-rv-chip__remove')).toBeNull();
    expect(document.activeElement).toBe(add);
  });
});

describe('ReviewScreen · saving', () => {
  it('saves only the selected proposals, as a pack parsePack accepts, with the edited title', async () => {
    const { el, save, props } = setup();
    click(el.querySelector<HTMLInputElement>('input[type="checkbox"]') as HTMLInputElement);
    type(el.querySelector('#bs-rv-pack-title') as HTMLInputElement, 'Riverton budget');
    click(button(el, 'Save pack'));
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[1]).toBe(false);
    const pack = savedPack(save);
    expect(parsePack(pack).ok).toBe(true);
    expect(pack.title).toBe('Riverton budget');
    expect(pack.entities.map((e) => e.id)).not.toContain('drafted/person/maria-lopez');
    expect(pack.entities).toHaveLength(4);
    expect(props.onSaved).toHaveBeenCalledWith({ pack: expect.objectContaining({ title: 'Riverton budget' }), entities: 4 });
  });

  it('shows every error line of an invalid reply in an alert', async () => {
    const save = vi.fn(async (): Promise<ImportPackResult> => ({ status: 'invalid', errors: ['entities[0].name: must not be empty', 'title: too long'] }));
    const { el, props } = setup({ save });
    click(button(el, 'Save pack'));
    await flush();
    const alert = el.querySelector('[role="alert"]');
    expect([...(alert?.querySelectorAll('li') ?? [])].map((li) => text(li))).toEqual(['entities[0].name: must not be empty', 'title: too long']);
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('asks before replacing a story already followed, and resends with replace', async () => {
    const draft = draftFixture();
    const save = vi.fn(async (json: string, replace: boolean): Promise<ImportPackResult> => {
      const pack = JSON.parse(json) as Pack;
      if (!replace) return { status: 'confirm', reason: 'same-version', installed: installed({ ...pack, title: 'Riverton council' }), incoming: installed(pack) };
      return { status: 'installed', pack: installed(pack), editsKept: 0, replaced: 1 };
    });
    const { el, props } = setup({ save }, draft);
    click(button(el, 'Save pack'));
    await flush();
    expect(text(el.querySelector('[role="alertdialog"]'))).toContain('You already follow “Riverton council” (v1). Replace it?');
    expect(document.activeElement?.id).toBe('bs-rv-replace');
    click(button(el, 'Replace'));
    await flush();
    expect(save.mock.calls.map((c) => c[1])).toEqual([false, true]);
    expect(save.mock.calls[1]?.[0]).toBe(save.mock.calls[0]?.[0]);
    expect(props.onSaved).toHaveBeenCalledWith({ pack: expect.objectContaining({ id: draft.id }), entities: 5 });
  });

  it('“Keep the one I have” saves nothing and goes back to the Save button', async () => {
    const save = vi.fn(async (json: string): Promise<ImportPackResult> => {
      const pack = JSON.parse(json) as Pack;
      return { status: 'confirm', reason: 'older-version', installed: installed(pack, 3), incoming: installed(pack) };
    });
    const { el, props } = setup({ save });
    click(button(el, 'Save pack'));
    await flush();
    expect(text(el.querySelector('[role="alertdialog"]'))).toContain('(v3)');
    click(button(el, 'Keep the one I have'));
    await flush();
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement?.id).toBe('bs-rv-save');
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('reports a failed request in an alert, and Cancel calls onCancel', async () => {
    const save = vi.fn(async (): Promise<ImportPackResult> => {
      throw new Error('No reply to importPack: is the extension running?');
    });
    const { el, props } = setup({ save });
    click(button(el, 'Save pack'));
    await flush();
    expect(text(el.querySelector('[role="alert"]'))).toBe('The pack could not be saved: No reply to importPack: is the extension running?');
    click(button(el, 'Cancel'));
    expect(props.onCancel).toHaveBeenCalled();
  });

  it('checks the pack before sending: a broken draft is reported, not sent', async () => {
    const draft = draftFixture();
    draft.asOf = '2024-13-40';
    const { el, save } = setup({}, draft);
    click(button(el, 'Save pack'));
    await flush();
    expect(save).not.toHaveBeenCalled();
    expect(text(el.querySelector('[role="alert"]'))).toContain('asOf:');
  });
});
