import type { PageMention } from './types';

export interface PickOptions {
  /** The user's selection or caret, if any. */
  selection: Range | null;
  /** The mention whose card the keyboard opened last, while that card is still open. */
  current: PageMention | null;
  /** Is this mention (at least partly) in the viewport? */
  isVisible: (mention: PageMention) => boolean;
}

/**
 * Which mention the keyboard shortcut opens. Pressed again while its card is open: the next
 * mention (wrapping), so a keyboard user can step through the page. Otherwise the mention at
 * or after the selection or caret, else the first mention in view, else the first of all.
 * `mentions` are in document order.
 */
export function pickMention(mentions: readonly PageMention[], opts: PickOptions): PageMention | null {
  if (mentions.length === 0) return null;
  if (opts.current) {
    const at = mentions.indexOf(opts.current);
    if (at >= 0) return mentions[(at + 1) % mentions.length] ?? null;
  }
  if (opts.selection) {
    const { startContainer, startOffset } = opts.selection;
    for (const mention of mentions) {
      const where = comparePoint(mention.range, startContainer, startOffset);
      // The caret is inside this mention, or this is the first mention after it.
      if (where === 0 || where === -1) return mention;
    }
  }
  return mentions.find(opts.isVisible) ?? mentions[0] ?? null;
}

/** -1: the point is before the range, 0: inside it, 1: after it; null: not comparable. */
function comparePoint(range: Range, node: Node, offset: number): number | null {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return null; // another tree (a shadow root), or an offset that no longer exists
  }
}
