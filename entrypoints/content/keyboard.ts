import { browser } from 'wxt/browser';
import type { Scope } from './scope';
import { isFromBackground, parseContentCommand } from '../../lib/messaging';
import { pickMention } from '../../lib/page/pick-mention';
import type { PageScanner } from '../../lib/page/page-scanner';
import type { PageCard } from './ui-contract';

/**
 * The keyboard way to the cards: the browser command `show-card` (Alt+Shift+B by default)
 * opens the card of the mention at the caret, or the first one in view, and moves focus
 * into it; pressed again, it steps to the next mention. Esc closes it and focus returns.
 */
export function listenForCommands(
  ctx: Scope,
  deps: { doc: Document; win: Window; scanner: PageScanner; popover: PageCard },
): void {
  const { doc, win, scanner, popover } = deps;
  let last: ReturnType<typeof pickMention> = null;

  const inView = (range: Range): boolean => {
    const rect = range.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < win.innerHeight && rect.width > 0;
  };

  const showCard = (): void => {
    const selection = doc.getSelection();
    const mention = pickMention(scanner.mentions(), {
      selection: selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null,
      current: popover.visible ? last : null,
      isVisible: (m) => inView(m.range),
    });
    if (!mention) return;
    if (!inView(mention.range)) mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    last = mention;
    scanner.setActive(mention);
    popover.show(mention.range, mention.entityId, mention.text);
    popover.focus();
  };

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    if (!isFromBackground(sender, browser.runtime.id)) return undefined;
    if (parseContentCommand(message)?.command !== 'show-card') return undefined;
    // Every frame hears the command; only the one the user is in acts on it.
    if (doc.hasFocus()) showCard();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
