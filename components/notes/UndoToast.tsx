import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Ref } from 'preact';

export interface UndoToastProps {
  /** Default "Note moved to trash". */
  message?: string | undefined;
  onUndo: () => void;
  /** Time ran out (or the toast was closed) without an undo. */
  onDismiss: () => void;
  /** Milliseconds before it goes; default 8000. Paused while the pointer or focus is on it. */
  duration?: number | undefined;
  /** The Undo button, for a caller that moves focus to it. */
  undoRef?: Ref<HTMLButtonElement> | undefined;
  /** Disables Undo while the restore is in flight. */
  busy?: boolean | undefined;
}

export const UNDO_TOAST_MS = 8000;

/** Focus a keyboard user sees (not the programmatic focus after a mouse click). */
function isKeyboardFocus(target: EventTarget | null): boolean {
  if (typeof target !== 'object' || target === null || !('matches' in target)) return false;
  try {
    return (target as Element).matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * "Note moved to trash · Undo": a polite live region (`role="status"`) with a real button,
 * reachable with Tab. It stays ~8 s, longer while the pointer or keyboard focus is on it
 * (so nobody is hurried), and Esc on it dismisses it. Root class: `bs-toast`.
 */
export function UndoToast({ message = t('notesMovedToTrash'), onUndo, onDismiss, duration = UNDO_TOAST_MS, undoRef, busy }: UndoToastProps) {
  const [paused, setPaused] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  useEffect(() => {
    if (paused) return undefined;
    const timer = setTimeout(() => dismiss.current(), duration);
    return () => clearTimeout(timer);
  }, [paused, duration]);

  return (
    <div
      class="bs-toast"
      role="status"
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocusIn={(e) => setPaused(isKeyboardFocus(e.target))}
      onFocusOut={() => setPaused(false)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' && e.key !== 'Esc') return;
        e.stopPropagation();
        onDismiss();
      }}
    >
      <span class="bs-toast__text">{message}</span>
      <span aria-hidden="true"> · </span>
      <button type="button" class="bs-nbutton bs-toast__undo" ref={undoRef} disabled={busy} onClick={onUndo}>
        {t('commonUndo')}
      </button>
    </div>
  );
}
