/**
 * The pack format's size limits, without the schema library (the content script's forms use
 * them too). `lib/packs/schema.ts` enforces them.
 */
/** Caps on sizes, so a hostile or broken pack cannot exhaust memory or the UI. */
export const PACK_LIMITS = {
  entities: 5000,
  sources: 1000,
  aliasesPerEntity: 50,
  contextsPerEntity: 100,
  relationsPerEntity: 200,
  linksPerEntity: 20,
  negativesPerEntity: 50,
  id: 200,
  packTitle: 200,
  name: 120,
  alias: 100,
  role: 200,
  summary: 600,
  context: 1000,
  label: 200,
  sourceTitle: 300,
  publisher: 200,
  linkTitle: 200,
  url: 2048,
  negative: 200,
  /** Most error lines `parsePack` reports; the rest are summarised in one line. */
  errors: 50,
} as const;
