/**
 * The passage card's home: a second shadow-root UI host, `backstory-notes-ui`, created on
 * first use (a page without passage notes never gets it). Closed shadow root in production,
 * open in the e2e test build. One card at a time, placed next to its passage (Floating UI).
 */
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { notesCss } from '../../components/notes';
import { shieldTyping } from '../../components/notes/key-shield';
import { pageTheme } from '../../components/theme';
import { rangeReference } from '../../lib/page/popover';
import { PassagePanel, type PassagePanelProps } from './PassagePanel';
import panelCss from './passage-panel.css?inline';
import { createLazyShadowHost } from './shadow-host';

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

interface Mounted {
  root: HTMLElement;
}

export function createPassageUi(ctx: ContentScriptContext, opts: { doc: Document; win: Window }): PassageUi {
  const { doc, win } = opts;
  let visible = false;
  let generation = 0;
  let stopAutoUpdate: (() => void) | null = null;
  let returnFocus: Element | null = null;
  let hidden: (() => void) | null = null;

  const notifyHidden = (): void => {
    const fn = hidden;
    hidden = null;
    fn?.();
  };

  const host = createLazyShadowHost<Mounted>(ctx, {
    name: NOTES_UI_HOST_TAG,
    onMount: (container): Mounted => {
      const style = doc.createElement('style');
      style.textContent = `${notesCss}\n${panelCss}`;
      const root = doc.createElement('div');
      root.hidden = true;
      Object.assign(root.style, { position: 'fixed', top: '0px', left: '0px', zIndex: '2147483647', width: 'max-content' });
      container.append(style, root);
      shieldTyping(win, root, ctx.signal);
      return { root };
    },
    onRemove: (mounted) => {
      if (mounted) render(null, mounted.root);
    },
  });
  const mount = (): Promise<Mounted | undefined> => host.mount();

  const hide = (): void => {
    generation++;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    const mounted = host.mounted();
    if (mounted) {
      render(null, mounted.root);
      mounted.root.hidden = true;
    }
    if (visible && returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    visible = false;
    returnFocus = null;
    notifyHidden();
  };

  const place = (root: HTMLElement, range: Range, gen: number): void => {
    const reference = rangeReference(range);
    stopAutoUpdate?.();
    stopAutoUpdate = autoUpdate(reference, root, () => {
      void computePosition(reference, root, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [inline(), offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        if (gen !== generation) return;
        root.style.left = `${Math.round(x)}px`;
        root.style.top = `${Math.round(y)}px`;
      }, () => undefined);
    });
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (!visible) return;
    const target = e.target as Partial<Node> | null;
    if (target && typeof target.nodeType === 'number' && api.ownsNode(target as Node)) return;
    // A click elsewhere closes a card of notes, never an editor with typing in it.
    const field = host.mounted()?.root.querySelector('textarea');
    if (field && field.value.trim() !== '') return;
    hide();
  };
  doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal: ctx.signal });
  ctx.onInvalidated(() => hide());

  const api: PassageUi = {
    show(anchor, props, onHidden) {
      notifyHidden();
      hidden = onHidden ?? null;
      const gen = ++generation;
      if (!visible) returnFocus = doc.activeElement;
      visible = true;
      void mount().then((mounted) => {
        if (!mounted || gen !== generation) return;
        const { root } = mounted;
        root.hidden = false;
        // Off-screen (not hidden) until placed, so the editor can take focus right away.
        Object.assign(root.style, { left: '-10000px', top: '0px' });
        render(h(PassagePanel, { ...props, key: gen, theme: pageTheme(doc, win), onClose: hide }), root);
        place(root, anchor, gen);
      });
    },
    hide,
    get visible() {
      return visible;
    },
    ownsNode: (node) => host.owns(node),
  };
  return api;
}
