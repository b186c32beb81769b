/**
 * Functions the e2e suites run inside the page (`page.evaluate(probe, arg)`), shared by the
 * Chromium (playwright-core) and Firefox (puppeteer-core) harnesses so both browsers are
 * checked with the same reads. Each is self-contained: it is serialised into the page.
 */

/** Backstory's highlights as the page sees them: highlight name → the text of each range. */
export const highlightsInPage = (): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-')) return;
    out[name] = [...highlight].map((range) => range.toString());
  });
  return out;
};

/** True when the backstory highlights hold at least `min` ranges (all kinds, `active` left out). */
export const hasHighlightsInPage = (min: number): boolean => {
  let count = 0;
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('backstory-') && name !== 'backstory-active') count += h.size;
  });
  return count >= min;
};

/** Every highlighted text, kinds merged (`active` left out), in document order. */
export const highlightedTextsInPage = (): string[] => {
  const ranges: Range[] = [];
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('backstory-') && name !== 'backstory-active') for (const r of h) ranges.push(r as Range);
  });
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
};

/** Highlights inside fields, scripts, styles and other places that must never be underlined. */
export const highlightsInForbiddenPlaces = (): string[] => {
  const bad: string[] = [];
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('backstory-')) return;
    for (const r of h) {
      const range = r as Range;
      const el = range.startContainer.parentElement;
      if (el?.closest('script, style, textarea, input, noscript, template, [contenteditable=""], [contenteditable="true"]')) {
        bad.push(`${name}: ${range.toString()} in <${el.tagName.toLowerCase()}>`);
      }
    }
  });
  return bad;
};

/** Viewport centre of the `nth` occurrence of `text` under `selector` (scrolled into view), or null. */
export const pointOfTextInPage = ({ text, selector, nth }: { text: string; selector: string; nth: number }): { x: number; y: number } | null => {
  const root = document.querySelector(selector);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    let at = value.indexOf(text);
    while (at >= 0) {
      if (seen++ === nth) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      }
      at = value.indexOf(text, at + 1);
    }
  }
  return null;
};

/** Select the first occurrence of `text` inside one text node; false when it is not there. */
export const selectTextInPage = (text: string): boolean => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return true;
  }
  return false;
};

/**
 * The hover card as the reader sees it (test builds open the UI's shadow root): null when no
 * card is shown, else its heading, its whole text and the texts of its notes.
 */
export const cardInPage = (): { heading: string; text: string; notes: string[]; status: string } | null => {
  const root = document.querySelector('backstory-ui')?.shadowRoot;
  const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) return null;
  const style = getComputedStyle(dialog);
  const rect = dialog.getBoundingClientRect();
  if (style.display === 'none' || style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) return null;
  return {
    heading: dialog.querySelector('h2, h3')?.textContent ?? '',
    text: dialog.innerText,
    notes: [...dialog.querySelectorAll('.bs-notes .bs-note__text')].map((n) => n.textContent ?? ''),
    status: dialog.querySelector('.bs-notes__status')?.textContent ?? '',
  };
};

/**
 * Click the button inside the card whose accessible text matches `label` (the first one, in
 * the notes section when `inNotes`); false when there is none.
 */
export const clickInCard = ({ label, inNotes }: { label: string; inNotes: boolean }): boolean => {
  const root = document.querySelector('backstory-ui')?.shadowRoot;
  const scope = inNotes ? root?.querySelector('[role="dialog"] .bs-notes') : root?.querySelector('[role="dialog"]');
  const button = [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().includes(label),
  );
  if (!button) return false;
  button.click();
  return true;
};

/** Focus the card's "New note" field; false when it is not there. */
export const focusNewNoteInCard = (): boolean => {
  const root = document.querySelector('backstory-ui')?.shadowRoot;
  const field = [...(root?.querySelectorAll<HTMLTextAreaElement>('[role="dialog"] .bs-notes textarea') ?? [])][0];
  if (!field) return false;
  field.focus();
  return true;
};

/**
 * An init script (run before the page's own scripts): records every mutation of the page
 * from the end of parsing on (the content script starts at document_idle, after that) into
 * `window.__mutations`, one line each ("+<p> in <body>", "@class on <div>", "~text in <p>").
 */
export const recordMutationsInPage = (): void => {
  const log: string[] = [];
  (window as unknown as { __mutations: string[] }).__mutations = log;
  const describe = (n: Node) => (n instanceof Element ? `<${n.tagName.toLowerCase()}>` : `#${n.nodeName}`);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => log.push(`+${describe(n)} in ${describe(r.target)}`));
        r.removedNodes.forEach((n) => log.push(`-${describe(n)} in ${describe(r.target)}`));
      } else if (r.type === 'attributes') {
        log.push(`@${r.attributeName} on ${describe(r.target)}`);
      } else {
        log.push(`~text in ${describe(r.target.parentNode ?? r.target)}`);
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true }),
  );
};

/** What `recordMutationsInPage` recorded so far. */
export const recordedMutationsInPage = (): string[] => (window as unknown as { __mutations: string[] }).__mutations;

/** The body's HTML without Backstory's UI host: what the page's own DOM looks like. */
export const pageHtmlWithoutUi = (): string => {
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('backstory-ui').forEach((n) => n.remove());
  return clone.innerHTML;
};

/** The texts of every backstory highlight range in this document (or frame), sorted. */
export const allHighlightTextsInPage = (): string[] => {
  const out: string[] = [];
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('backstory-')) for (const r of h) out.push((r as Range).toString());
  });
  return out.sort();
};

/** The late paragraph the "text added after load" tests add (two names) and then remove. */
export const LATE_PARAGRAPH_ID = 'late';
export const addLateParagraphInPage = (id: string): void => {
  const p = document.createElement('p');
  p.id = id;
  p.textContent = 'Late update: Chuck Schumer and Rafah were discussed again.';
  document.body.append(p);
};
