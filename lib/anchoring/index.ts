/** Passage anchoring (pure, no DOM): describe a span of text, find it again later. */
export { describePassage, anchorPassage, createAnchorIndex, CONTEXT_LENGTH, MAX_ERROR_RATE, LONG_QUOTE } from './anchor';
export type { Anchor, AnchorIndex, AnchorQuality } from './anchor';
export { collapseWhitespace } from './normalise';
export { isPassageStatusQuery, parsePassageStatus, passageStatusQuery, PASSAGE_STATUS_QUERY } from './status';
export type { PassageStatus, PassageStatusQuery } from './status';
