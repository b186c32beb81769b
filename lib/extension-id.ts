/**
 * The add-on's id in Firefox (`browser_specific_settings.gecko.id`, and its id on
 * addons.mozilla.org). Stable across versions: Firefox keys the add-on's storage and
 * IndexedDB by it, so changing it would lose every reader's notes.
 */
export const FIREFOX_ID = 'backstory@backstory-reader.org';
