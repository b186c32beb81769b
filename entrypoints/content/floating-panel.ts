/**
 * A small floating panel in a shadow-root UI host of its own, created on first use (a page
 * that never needs it never gets the host). Closed shadow root in production, open in the
 * e2e test build. One panel at a time, placed next to a range of the page (Floating UI);
 * typing in it is shielded from the page; a click elsewhere closes it unless a text field in
 * it has text; focus returns where it was when it closes.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { applyLocale } from '../../components/i18n';
import { render, type ComponentChild } from 'preact';
import type { Scope } from './scope';
import { shieldTyping } from '../../components/notes/key-shield';
import { rangeReference } from './card/popover-dom';
import { createLazyShadowHost } from './shadow-host';

export interface FloatingPanel {
  /**
   * Show `content(hide, generation)` next to `anchor` (replacing any open panel); `onHidden`
   * runs when it goes.
   */
  show(anchor: Range, content: (close: () => void, key: number) => ComponentChild, onHidden?: () => void): void;
  hide(): void;
  readonly visible: boolean;
  /** True for the UI host and anything inside it. */
  ownsNode(node: Node): boolean;
}

interface Mounted {
  root: HTMLElement;
}

export function createFloatingPanel(
  ctx: Scope,
  opts: { doc: Document; win: Window; hostTag: string; css: string },
): FloatingPanel {
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
    name: opts.hostTag,
    onMount: (container): Mounted => {
      const style = doc.createElement('style');
      style.textContent = opts.css;
      const root = doc.createElement('div');
      root.hidden = true;
      applyLocale(root);
      Object.assign(root.style, { position: 'fixed', top: '0px', left: '0px', zIndex: '2147483647', width: 'max-content' });
      container.append(style, root);
      shieldTyping(win, root, ctx.signal);
      return { root };
    },
    onRemove: (mounted) => {
      if (mounted) render(null, mounted.root);
    },
  });

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
    if (target && typeof target.nodeType === 'number' && panel.ownsNode(target as Node)) return;
    // A click elsewhere closes a panel, never one with typing in it.
    const fields = host.mounted()?.root.querySelectorAll('textarea') ?? [];
    if ([...fields].some((field) => field.value.trim() !== '')) return;
    hide();
  };
  doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal: ctx.signal });
  ctx.onInvalidated(() => hide());

  const panel: FloatingPanel = {
    show(anchor, content, onHidden) {
      notifyHidden();
      hidden = onHidden ?? null;
      const gen = ++generation;
      if (!visible) returnFocus = doc.activeElement;
      visible = true;
      void host.mount().then((mounted) => {
        if (!mounted || gen !== generation) return;
        const { root } = mounted;
        root.hidden = false;
        // Off-screen (not hidden) until placed, so a field can take focus right away.
        Object.assign(root.style, { left: '-10000px', top: '0px' });
        render(content(hide, gen), root);
        place(root, anchor, gen);
      });
    },
    hide,
    get visible() {
      return visible;
    },
    ownsNode: (node) => host.owns(node),
  };
  return panel;
}
