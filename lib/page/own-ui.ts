/**
 * The tags of Backstory's own UI hosts (card, passage notes, "Track this name", the toast):
 * never scanned, never anchored in. Kept apart so the page core can test a node without
 * loading the passage code.
 */
export const OWN_UI_TAGS: ReadonlySet<string> = new Set(['backstory-ui', 'backstory-notes-ui', 'backstory-track-ui', 'backstory-toast-ui']);

/** True for one of Backstory's UI hosts or anything inside one. */
export function isOwnUiNode(node: Node): boolean {
  for (let cur: Node | null = node; cur !== null; cur = cur.parentNode) {
    if (cur.nodeType === 1 && OWN_UI_TAGS.has((cur as Element).localName)) return true;
  }
  return false;
}
