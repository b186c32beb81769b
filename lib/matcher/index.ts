// Placeholder so the contract type-checks; the matcher module replaces this file.
export type MatcherData = unknown;
