/** Small wording helpers shared by the Packs and Entities sections, in the UI's language. */
import type { PackOrigin } from '../../../lib/model';
import { ordinal as ordinalOf, t } from '../../../lib/i18n';

/** “Title”, in the UI's quotation marks. */
export function quoted(text: string): string {
  return t('commonQuoted', { text });
}

/** 1 → "1st", 2 → "2nd", 11 → "11th" (in the UI's language). */
export function ordinal(n: number): string {
  return ordinalOf(n);
}

export const ORIGIN_LABELS: Readonly<Record<PackOrigin, string>> = {
  get shipped() {
    return t('pkOriginShipped');
  },
  get imported() {
    return t('pkOriginImported');
  },
  get drafted() {
    return t('pkOriginDrafted');
  },
  get user() {
    return t('pkOriginUser');
  },
};
