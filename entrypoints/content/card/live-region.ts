/**
 * A polite live region beside the card, inside the UI's shadow root: what a screen reader
 * says when the keyboard opens a card or steps to the next name while focus stays in the
 * card (a new card in the same focused dialog is otherwise not announced).
 */
export interface LiveRegion {
  say(text: string): void;
  destroy(): void;
}

export function createLiveRegion(doc: Document, container: HTMLElement): LiveRegion {
  const region = doc.createElement('div');
  region.className = 'bs-live';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  // Visually hidden, still read.
  Object.assign(region.style, {
    position: 'fixed',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    margin: '-1px',
    padding: '0',
    border: '0',
  });
  container.append(region);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    say(text) {
      // Emptied first, then filled on the next tick: the same words twice are announced twice.
      region.textContent = '';
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        region.textContent = text;
      }, 50);
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      region.remove();
    },
  };
}
