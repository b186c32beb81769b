/**
 * The review of a drafted pack ("Follow this story"), before anything is saved: pure state
 * and operations, no DOM. A review starts from the draft (`startReview`); the reader
 * unchecks, renames, re-kinds, merges and adds or removes aliases (`reviewReducer`, or the
 * named operations); `finalPack` is what gets saved. Entity ids never change, so notes
 * written later stay attached across a re-draft with the same ids.
 */
import type { Alias, ContextPassage, Entity, EntityKind, Link, Pack, PackMeta, Relation } from '../model';
import { isKind } from '../kinds';
import { PACK_LIMITS } from './schema';
import { caseRuleFor } from './user-layer';

export interface Proposal {
  entity: Entity;
  included: boolean;
  /**
   * The alias text a rename added for the current name (it was not an alias before), so a
   * further rename replaces it instead of piling up every intermediate name.
   */
  renameAlias?: string;
}

export interface ReviewState {
  meta: PackMeta;
  proposals: Proposal[];
}

export type ReviewAction =
  | { type: 'rename'; id: string; name: string }
  | { type: 'setKind'; id: string; kind: EntityKind }
  | { type: 'toggle'; id: string }
  | { type: 'setIncluded'; id: string; included: boolean }
  | { type: 'merge'; keepId: string; mergeId: string }
  | { type: 'addAlias'; id: string; text: string }
  | { type: 'removeAlias'; id: string; text: string }
  | { type: 'setPackTitle'; title: string };

/** Collapse runs of whitespace and trim: what a typed name or alias is stored as. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A review of `draft`: every proposal included, the draft's order kept. */
export function startReview(draft: Pack): ReviewState {
  const { entities, ...meta } = draft;
  return { meta, proposals: entities.map((entity) => ({ entity, included: true })) };
}

/** The proposal with this id, or undefined. */
export function proposalOf(state: ReviewState, id: string): Proposal | undefined {
  return state.proposals.find((p) => p.entity.id === id);
}

/** How many proposals are included. */
export function selectedCount(state: ReviewState): number {
  return state.proposals.filter((p) => p.included).length;
}

/** Why `text` cannot be a name, or null. */
export function nameProblem(text: string): string | null {
  const name = cleanText(text);
  if (name === '') return 'A name cannot be empty.';
  if (name.length > PACK_LIMITS.name) return `A name can have at most ${PACK_LIMITS.name} characters.`;
  return null;
}

/** Why `text` cannot be added as an alias of proposal `id`, or null. */
export function aliasProblem(state: ReviewState, id: string, text: string): string | null {
  const alias = cleanText(text);
  const proposal = proposalOf(state, id);
  if (!proposal) return 'No such proposal.';
  if (alias === '') return 'An alias cannot be empty.';
  if (alias.length > PACK_LIMITS.alias) return `An alias can have at most ${PACK_LIMITS.alias} characters.`;
  if (proposal.entity.aliases.some((a) => a.text === alias)) return `“${alias}” is already an alias.`;
  if (proposal.entity.aliases.length >= PACK_LIMITS.aliasesPerEntity) {
    return `At most ${PACK_LIMITS.aliasesPerEntity} aliases.`;
  }
  return null;
}

/** Why the pack title cannot be `text`, or null. */
export function titleProblem(text: string): string | null {
  const title = cleanText(text);
  if (title === '') return 'The story needs a title.';
  if (title.length > PACK_LIMITS.packTitle) return `A title can have at most ${PACK_LIMITS.packTitle} characters.`;
  return null;
}

function update(state: ReviewState, id: string, change: (p: Proposal) => Proposal): ReviewState {
  let changed = false;
  const proposals = state.proposals.map((p) => {
    if (p.entity.id !== id) return p;
    const next = change(p);
    if (next !== p) changed = true;
    return next;
  });
  return changed ? { ...state, proposals } : state;
}

/** Aliases of `a` then those of `b` not already there (by text). */
function unionAliases(a: readonly Alias[], b: readonly Alias[]): Alias[] {
  const out = [...a];
  const seen = new Set(a.map((x) => x.text));
  for (const alias of b) {
    if (seen.has(alias.text)) continue;
    seen.add(alias.text);
    out.push(alias);
  }
  return out.slice(0, PACK_LIMITS.aliasesPerEntity);
}

function unionBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string, max: number): T[] {
  const out = [...a];
  const seen = new Set(a.map(key));
  for (const item of b) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out.slice(0, max);
}

const contextKey = (c: ContextPassage): string => `${c.sourceId}\u0000${c.text}`;
const relationKey = (r: Relation): string => `${r.type}\u0000${r.target}`;
const linkKey = (l: Link): string => l.url;

/** Rename: the new name becomes an alias too; the old name stays an alias (unless removed). */
export function rename(state: ReviewState, id: string, text: string): ReviewState {
  const name = cleanText(text);
  if (nameProblem(name) !== null) return state;
  return update(state, id, (p) => {
    if (p.entity.name === name) return p;
    let aliases = p.entity.aliases;
    // The old name stays, except when it was only there because of an earlier rename.
    if (p.renameAlias !== undefined && p.renameAlias === p.entity.name) {
      aliases = aliases.filter((a) => a.text !== p.renameAlias);
    }
    let renameAlias: string | undefined;
    if (!aliases.some((a) => a.text === name)) {
      aliases = [{ text: name, case: caseRuleFor(name) }, ...aliases].slice(0, PACK_LIMITS.aliasesPerEntity);
      renameAlias = name;
    }
    const next: Proposal = { ...p, entity: { ...p.entity, name, aliases } };
    if (renameAlias === undefined) delete next.renameAlias;
    else next.renameAlias = renameAlias;
    return next;
  });
}

export function setKind(state: ReviewState, id: string, kind: EntityKind): ReviewState {
  if (!isKind(kind)) return state;
  return update(state, id, (p) => (p.entity.kind === kind ? p : { ...p, entity: { ...p.entity, kind } }));
}

export function toggle(state: ReviewState, id: string): ReviewState {
  return update(state, id, (p) => ({ ...p, included: !p.included }));
}

export function setIncluded(state: ReviewState, id: string, included: boolean): ReviewState {
  return update(state, id, (p) => (p.included === included ? p : { ...p, included }));
}

/**
 * Merge proposal `mergeId` into `keepId`: the kept one gains the other's aliases (and its
 * name as an alias), contexts, relations, links and negative phrases, without duplicates;
 * every relation that pointed at the merged one points at the kept one (relations between
 * the two are dropped). The kept one is included when either was.
 */
export function merge(state: ReviewState, keepId: string, mergeId: string): ReviewState {
  if (keepId === mergeId) return state;
  const keep = proposalOf(state, keepId);
  const gone = proposalOf(state, mergeId);
  if (!keep || !gone) return state;
  const k = keep.entity;
  const g = gone.entity;
  const goneNameAlias = g.aliases.find((a) => a.text === g.name) ?? { text: g.name, case: caseRuleFor(g.name) };
  const repoint = (relations: readonly Relation[], ownerId: string): Relation[] => {
    const out: Relation[] = [];
    const seen = new Set<string>();
    for (const r of relations) {
      const next = r.target === mergeId ? { ...r, target: keepId } : r;
      if (next.target === ownerId) continue;
      const key = relationKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(next);
    }
    return out.slice(0, PACK_LIMITS.relationsPerEntity);
  };
  const merged: Entity = {
    ...k,
    aliases: unionAliases(k.aliases, [goneNameAlias, ...g.aliases]),
    role: k.role.trim() === '' ? g.role : k.role,
    summary: k.summary.trim() === '' ? g.summary : k.summary,
    contexts: unionBy(k.contexts, g.contexts, contextKey, PACK_LIMITS.contextsPerEntity),
    relations: repoint([...k.relations, ...g.relations], keepId),
  };
  const links = unionBy(k.links ?? [], g.links ?? [], linkKey, PACK_LIMITS.linksPerEntity);
  if (links.length > 0) merged.links = links;
  const negative = unionBy(k.negative ?? [], g.negative ?? [], (s) => s, PACK_LIMITS.negativesPerEntity);
  if (negative.length > 0) merged.negative = negative;
  const proposals: Proposal[] = [];
  for (const p of state.proposals) {
    if (p.entity.id === mergeId) continue;
    if (p.entity.id === keepId) {
      const next: Proposal = { ...keep, entity: merged, included: keep.included || gone.included };
      proposals.push(next);
      continue;
    }
    const touches = p.entity.relations.some((r) => r.target === mergeId);
    proposals.push(touches ? { ...p, entity: { ...p.entity, relations: repoint(p.entity.relations, p.entity.id) } } : p);
  }
  return { ...state, proposals };
}

/** Add an alias, its case rule guessed from how it is written (acronyms exactly, names as written). */
export function addAlias(state: ReviewState, id: string, text: string): ReviewState {
  if (aliasProblem(state, id, text) !== null) return state;
  const alias = cleanText(text);
  return update(state, id, (p) => ({ ...p, entity: { ...p.entity, aliases: [...p.entity.aliases, { text: alias, case: caseRuleFor(alias) }] } }));
}

/** Remove an alias; the last one stays (an entity needs at least one). */
export function removeAlias(state: ReviewState, id: string, text: string): ReviewState {
  return update(state, id, (p) => {
    if (p.entity.aliases.length <= 1 || !p.entity.aliases.some((a) => a.text === text)) return p;
    const next: Proposal = { ...p, entity: { ...p.entity, aliases: p.entity.aliases.filter((a) => a.text !== text) } };
    if (next.renameAlias === text) delete next.renameAlias;
    return next;
  });
}

export function setPackTitle(state: ReviewState, text: string): ReviewState {
  const title = cleanText(text);
  if (titleProblem(title) !== null || title === state.meta.title) return state;
  return { ...state, meta: { ...state.meta, title } };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'rename':
      return rename(state, action.id, action.name);
    case 'setKind':
      return setKind(state, action.id, action.kind);
    case 'toggle':
      return toggle(state, action.id);
    case 'setIncluded':
      return setIncluded(state, action.id, action.included);
    case 'merge':
      return merge(state, action.keepId, action.mergeId);
    case 'addAlias':
      return addAlias(state, action.id, action.text);
    case 'removeAlias':
      return removeAlias(state, action.id, action.text);
    case 'setPackTitle':
      return setPackTitle(state, action.title);
  }
}

/**
 * The pack to save: the included entities in review order, their relations to entities left
 * out dropped, and only the sources something still cites.
 */
export function finalPack(state: ReviewState): Pack {
  const entities = state.proposals.filter((p) => p.included).map((p) => p.entity);
  const kept = new Set(entities.map((e) => e.id));
  const cited = new Set<string>();
  const out = entities.map((entity): Entity => {
    const relations = entity.relations.filter((r) => kept.has(r.target) && r.target !== entity.id);
    for (const c of entity.contexts) cited.add(c.sourceId);
    for (const r of relations) if (r.sourceId !== undefined) cited.add(r.sourceId);
    return relations.length === entity.relations.length ? entity : { ...entity, relations };
  });
  return { ...state.meta, sources: state.meta.sources.filter((s) => cited.has(s.id)), entities: out };
}

/**
 * `parsePack` error lines of `pack` made readable: `entities[3].name: …` names the entity
 * ("Joe Biden (entities[3]).name: …") so the reader can find the card.
 */
export function describeErrors(pack: Pack, errors: readonly string[]): string[] {
  return errors.map((line) =>
    line.replace(/^entities\[(\d+)\]/, (whole, index: string) => {
      const entity = pack.entities[Number(index)];
      return entity ? `“${entity.name}” (${whole})` : whole;
    }),
  );
}
