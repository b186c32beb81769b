/**
 * The side panel stepped to a mention: move the page's own reading position there, so a
 * keyboard or screen-reader user continues from it. The caret (the page's selection,
 * collapsed) goes to the mention's start — the browser's caret browsing and screen readers
 * follow it, and the keyboard command (Alt+Shift+B) opens that mention's card — and when
 * the mention is inside something focusable (a link, a button), that element takes focus.
 * Nothing of the page's DOM changes; the page does not scroll again.
 */
const FOCUSABLE = 'a[href], button, [tabindex]:not([tabindex="-1"]), summary, [contenteditable="true"]';

export function moveReadingPositionTo(doc: Document, range: Range): void {
  const start = range.startContainer;
  if (start.ownerDocument !== doc && start !== doc) return;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const focusable = el?.closest<HTMLElement>(FOCUSABLE);
  if (focusable) focusable.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (!selection) return;
  const caret = range.cloneRange();
  caret.collapse(true);
  selection.removeAllRanges();
  selection.addRange(caret);
}
