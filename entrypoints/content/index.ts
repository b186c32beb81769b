import '../../lib/page/highlights.css';
import { startContent } from './app';

/**
 * Runs in every frame of every page: finds the story's names and underlines them with the
 * CSS Custom Highlight API (the page's DOM is never changed), and shows a card on hover.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    await startContent(ctx);
  },
});
