// Prerequisites shared by `npm start`, `npm test` and `npm run bench`.
import { existsSync, accessSync, constants } from 'node:fs';

export const MIN_NODE = [20, 12, 0];

/** Throws a clear Error when Node is older than MIN_NODE. */
export function checkNode(version = process.versions.node) {
  const [major, minor, patch] = version.split('.').map(Number);
  const [M, m, p] = MIN_NODE;
  const ok = major > M || (major === M && (minor > m || (minor === m && patch >= p)));
  if (!ok) {
    throw new Error(`Backstory needs Node ${MIN_NODE.join('.')} or newer; this is Node ${version}. Install a newer Node (https://nodejs.org) and retry.`);
  }
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium binary: $BACKSTORY_CHROMIUM (or $CHROMIUM_PATH) when set, else the first of
 * the usual system paths. Throws a clear Error when none is there: tests never download one.
 */
export function findChromium(env = process.env) {
  const named = env.BACKSTORY_CHROMIUM || env.CHROMIUM_PATH;
  if (named) {
    if (!isExecutable(named)) {
      throw new Error(`BACKSTORY_CHROMIUM is set to "${named}", but no executable is there.`);
    }
    return named;
  }
  const found = CANDIDATES.find(isExecutable);
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or point BACKSTORY_CHROMIUM at a Chromium or Chrome for Testing binary. ' +
        `Looked in: ${CANDIDATES.join(', ')}.`,
    );
  }
  return found;
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * The Firefox binary for the Firefox e2e suite: $BACKSTORY_FIREFOX when set, else Debian's
 * Firefox ESR (or a system firefox). Throws a clear Error when none is there.
 */
export function findFirefox(env = process.env) {
  const named = env.BACKSTORY_FIREFOX;
  if (named) {
    if (!isExecutable(named)) throw new Error(`BACKSTORY_FIREFOX is set to "${named}", but no executable is there.`);
    return named;
  }
  const found = FIREFOX_CANDIDATES.find(isExecutable);
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox end-to-end tests. Install Firefox ESR (Debian/Ubuntu: ' +
        '`sudo apt-get install -y firefox-esr`) or point BACKSTORY_FIREFOX at a Firefox 140+ binary. ' +
        `Looked in: ${FIREFOX_CANDIDATES.join(', ')}.`,
    );
  }
  return found;
}

function isExecutable(path) {
  if (!existsSync(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when this process runs as root (Chromium then needs --no-sandbox). */
export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Flags for a quiet, offline Chromium with one unpacked extension loaded. */
export function chromiumArgs(extensionDir, { headless = true } = {}) {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
  if (isRoot()) args.push('--no-sandbox');
  if (headless) args.push('--headless=new');
  return args;
}
