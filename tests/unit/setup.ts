/** Runs before every unit test file: `browser.i18n` reads the real English messages. */
import { useFakeLocale } from './i18n-fake';

useFakeLocale('en');
