/**
 * The card's wrong-match buttons, wired: "Not {name} here" stores a rule for this tab's
 * site (the background takes the site from the sender, never from the page), "Not {name}
 * anywhere" makes the text a negative phrase of the entity in the reader's layer. Both
 * reach every open tab through the change signals, this one included; a toast in its own
 * shadow-root host says what happened and offers Undo.
 */
import { h, render } from 'preact';
import { applyLocale } from '../../components/i18n';
import { t } from '../../lib/i18n';
import { request, type Transport } from '../../lib/messaging';
import type { CardCorrections } from './card/popover';
import { UndoToast } from '../../components/notes/UndoToast';
import { notesCss } from '../../components/notes';
import { pageTheme } from '../../components/theme';
import { createLazyShadowHost } from './shadow-host';
import type { Scope } from './scope';

export const TOAST_UI_HOST_TAG = 'backstory-toast-ui';

const TOAST_CSS = `
.bs-toast-dock { position: fixed; inset: auto 0 24px 0; display: flex; justify-content: center; pointer-events: none; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.bs-toast-dock > * { pointer-events: auto; max-width: min(520px, calc(100vw - 32px)); box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
.bs-toast-dock .bs-toast--error { background: var(--bs-error); }
`;

interface Toast {
  message: string;
  undo?: () => Promise<unknown>;
  error?: boolean;
}

export interface Corrections {
  card: CardCorrections;
  /** True for the toast's host and anything inside it. */
  ownsNode(node: Node): boolean;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createCorrections(scope: Scope, deps: { send: Transport; doc: Document; win: Window }): Corrections {
  const { send, doc, win } = deps;
  let shown = 0;
  const host = createLazyShadowHost<HTMLElement>(scope, {
    name: TOAST_UI_HOST_TAG,
    onMount: (container) => {
      const style = doc.createElement('style');
      style.textContent = `${notesCss}\n${TOAST_CSS}`;
      const dock = doc.createElement('div');
      dock.className = 'bs-notes-theme bs-toast-dock';
      applyLocale(dock);
      container.append(style, dock);
      return dock;
    },
    onRemove: (dock) => {
      if (dock) render(null, dock);
    },
  });

  const show = (toast: Toast): void => {
    const id = ++shown;
    void host.mount().then((dock) => {
      if (!dock || id !== shown) return;
      dock.dataset.theme = pageTheme(doc, win);
      const close = (): void => {
        if (id === shown) render(null, dock);
      };
      if (toast.error || !toast.undo) {
        render(
          h('p', { class: `bs-toast${toast.error ? ' bs-toast--error' : ''}`, role: toast.error ? 'alert' : 'status' }, toast.message),
          dock,
        );
        setTimeout(close, 6000);
        return;
      }
      const undo = toast.undo;
      render(
        h(UndoToast, {
          message: toast.message,
          onDismiss: close,
          onUndo: () => {
            close();
            undo().then(
              () => show({ message: t('cardToastUnderlinedAgain') }),
              (e: unknown) => show({ message: t('cardToastCouldNotUndo', { message: messageOf(e) }), error: true }),
            );
          },
        }),
        dock,
      );
    });
  };

  return {
    card: {
      notHere(entityId, text, name) {
        request(send, 'notHere', { text, entityId }).then(
          ({ id, site }) =>
            show({
              message: t('cardToastNotHere', { text, name, site }),
              undo: () => request(send, 'undoNotHere', { id }),
            }),
          (e: unknown) => show({ message: t('cardToastCouldNotChange', { message: messageOf(e) }), error: true }),
        );
      },
      notAnywhere(entityId, text, name) {
        request(send, 'notAnywhere', { text, entityId }).then(
          ({ phrase }) =>
            show({
              message: t('cardToastNotAnywhere', { text, name }),
              undo: () => request(send, 'undoNotAnywhere', { entityId, phrase }),
            }),
          (e: unknown) => show({ message: t('cardToastCouldNotChange', { message: messageOf(e) }), error: true }),
        );
      },
    },
    ownsNode: (node) => host.owns(node),
  };
}
