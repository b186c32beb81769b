// Fails fast, with a message that says what to do, when a prerequisite is missing.
import { checkNode, findChromium, findFirefox } from './lib/prereqs.mjs';

try {
  checkNode();
  const chromium = findChromium();
  const firefox = findFirefox();
  console.log(`prerequisites: Node ${process.versions.node}, Chromium at ${chromium}, Firefox at ${firefox}`);
} catch (error) {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
