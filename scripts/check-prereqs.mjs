// Fails fast, with a message that says what to do, when a prerequisite is missing.
import { checkNode, findChromium } from './lib/prereqs.mjs';

try {
  checkNode();
  const chromium = findChromium();
  console.log(`prerequisites: Node ${process.versions.node}, Chromium at ${chromium}`);
} catch (error) {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
