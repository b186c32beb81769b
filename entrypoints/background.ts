import { browser } from 'wxt/browser';
import { startBackground } from '../lib/background';
import { registerCommands } from '../lib/background/commands';
import { registerContextMenu } from '../lib/background/context-menu';
import { BackstoryDB } from '../lib/db/schema';
import { shippedPack } from '../lib/packs/shipped';

export default defineBackground(() => {
  startBackground({ browser, db: new BackstoryDB(), shippedPack });
  registerCommands(browser);
  registerContextMenu(browser);
});
