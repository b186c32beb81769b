/**
 * The side panel stepped to a mention: move the page's own reading position there, so a
 * keyboard or screen-reader user continues from it. The caret (the page's selection,
 * collapsed) goes to the mention's start — the browser's caret browsing and screen readers
 * follow it, and the keyboard command (Alt+Shift+B) opens that mention's card. Focus is
 * not moved (a focus change can cut short the smooth scroll to the mention). Nothing of the
 * page's DOM changes; the page does not scroll again.
 */

export function moveReadingPositionTo(doc: Document, range: Range): void {
  const start = range.startContainer;
  if (start.ownerDocument !== doc && start !== doc) return;
  const selection = doc.getSelection();
  if (!selection) return;
  const caret = range.cloneRange();
  caret.collapse(true);
  selection.removeAllRanges();
  selection.addRange(caret);
}
