/**
 * The passage card's home: a second shadow-root UI host, `backstory-notes-ui`, created on
 * first use (a page without passage notes never gets it). One card at a time, placed next
 * to its passage (see `floating-panel.ts`).
 */
import { h } from 'preact';
import type { Scope } from './scope';
import { notesCss } from '../../components/notes';
import { pageTheme } from '../../components/theme';
import { PassagePanel, type PassagePanelProps } from './PassagePanel';
import panelCss from './passage-panel.css?inline';
import { createFloatingPanel } from './floating-panel';

export const NOTES_UI_HOST_TAG = 'backstory-notes-ui';

export type PassageCardProps = Omit<PassagePanelProps, 'theme' | 'onClose'>;

export interface PassageUi {
  /** Show the card for a passage (replacing any open one); `onHidden` runs when it goes. */
  show(anchor: Range, props: PassageCardProps, onHidden?: () => void): void;
  hide(): void;
  readonly visible: boolean;
  /** True for the UI host and anything inside it. */
  ownsNode(node: Node): boolean;
}

export function createPassageUi(ctx: Scope, opts: { doc: Document; win: Window }): PassageUi {
  const { doc, win } = opts;
  const panel = createFloatingPanel(ctx, { doc, win, hostTag: NOTES_UI_HOST_TAG, css: `${notesCss}\n${panelCss}` });
  return {
    show(anchor, props, onHidden) {
      panel.show(anchor, (close, key) => h(PassagePanel, { ...props, key, theme: pageTheme(doc, win), onClose: close }), onHidden);
    },
    hide: () => panel.hide(),
    get visible() {
      return panel.visible;
    },
    ownsNode: (node) => panel.ownsNode(node),
  };
}
