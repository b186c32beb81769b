import '../../lib/page/highlights.css';
import { startContent } from './app';

/**
 * The page core: finds the story's names and underlines them with the CSS Custom Highlight
 * API (the page's DOM is never changed), and shows a card on hover. The manifest runs it
 * in top frames; a sub-frame gets it from the background once its gate
 * (entrypoints/gate.content.ts) finds text worth scanning.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: false,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    await startContent(ctx);
  },
});
