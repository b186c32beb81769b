import type { ContentScriptContext } from 'wxt/utils/content-script-context';

type ClaimContext = Pick<ContentScriptContext, 'onInvalidated'>;

const CLAIM = Symbol.for('backstory.content');

/**
 * Claim this frame for one content script instance. WXT invalidates an older instance
 * (same isolated world) synchronously when a new one starts, and the claim is released
 * then; so this is false only when a live instance still holds the frame (the caller then
 * starts nothing: no duplicate scan, no duplicate highlights).
 */
export function claimFrame(win: Window, ctx?: ClaimContext): boolean {
  const slots = win as unknown as Record<symbol, unknown>;
  if (slots[CLAIM] !== undefined) return false;
  const token = {};
  slots[CLAIM] = token;
  ctx?.onInvalidated(() => {
    if (slots[CLAIM] === token) Reflect.deleteProperty(slots, CLAIM);
  });
  return true;
}

