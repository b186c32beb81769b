import { startPageUi } from './content/page-ui';
import { PAGE_UI_SLOT, type PageUiSlot } from './content/ui-contract';

/**
 * The page UI (card, notes, passage notes, "Track this name", sidebar bridge), run by the
 * background in one frame when that frame's content script asks (`loadPageUi`). It runs
 * in the content script's isolated world and hands its factory to the waiting core through
 * `PAGE_UI_SLOT`; run anywhere else, it finds no slot and does nothing.
 */
export default defineUnlistedScript(() => {
  const slot: unknown = Reflect.get(globalThis, PAGE_UI_SLOT);
  if (typeof slot === 'function') (slot as PageUiSlot)(startPageUi);
});
