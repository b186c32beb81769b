/** The library's "moved to the trash · Undo", fixed at the bottom: the shared `UndoToast`. */
import { useEffect, useRef } from 'preact/hooks';
import { UndoToast } from '../notes/UndoToast';

export interface UndoState {
  ids: string[];
  message: string;
}

export interface UndoBarProps {
  state: UndoState;
  busy?: boolean;
  onUndo: (state: UndoState) => void;
  onDismiss: () => void;
}

export function UndoBar({ state, busy, onUndo, onDismiss }: UndoBarProps) {
  const undo = useRef<HTMLButtonElement>(null);
  // The deleted note's buttons are gone: keep keyboard focus somewhere useful (once the
  // Undo button is enabled: a disabled button cannot take focus).
  useEffect(() => {
    if (!busy) undo.current?.focus({ preventScroll: true });
  }, [state, busy]);
  return (
    <div class="bs-undo-host">
      <UndoToast message={state.message} busy={busy} undoRef={undo} onUndo={() => onUndo(state)} onDismiss={onDismiss} />
    </div>
  );
}
