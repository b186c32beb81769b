/**
 * Pure helpers of the entity list: grouping by kind in the page's order of prominence, the
 * filter, and "how they connect" (relations among the entities on this page).
 */
import { KIND_ORDER, kindInfo } from '../../lib/kinds';
import { RELATION_CONVERSE, type EntityKind, type Relation, type RelationType } from '../../lib/model';
import type { CardData } from '../../lib/messaging';
import type { PageEntitySummary } from '../../lib/sidebar-protocol';

export interface EntityGroup {
  kind: EntityKind;
  label: string;
  entities: PageEntitySummary[];
}

/** Lower case, without diacritics and with straight quotes: "Schumer’s" ~ "schumer's". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .trim();
}

/**
 * Does the entity match the filter? Every word of the query must start a word of its name,
 * or appear in `extra` (its role, when its card has loaded).
 */
export function matchesFilter(entity: PageEntitySummary, query: string, extra = ''): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${fold(entity.name)} ${fold(extra)}`;
  return words.every((w) => haystack.includes(w));
}

/** Entities grouped by kind (registry order), each group in the order the page gave them. */
export function groupEntities(entities: readonly PageEntitySummary[]): EntityGroup[] {
  const byKind = new Map<EntityKind, PageEntitySummary[]>();
  for (const entity of entities) {
    const list = byKind.get(entity.kind);
    if (list) list.push(entity);
    else byKind.set(entity.kind, [entity]);
  }
  const groups: EntityGroup[] = [];
  for (const kind of KIND_ORDER) {
    const list = byKind.get(kind);
    if (list) groups.push({ kind, label: kindInfo(kind).plural, entities: list });
  }
  return groups;
}

/** The same fact seen from either end gets the same key. */
function factKey(source: string, type: RelationType, target: string): string {
  const converse = RELATION_CONVERSE[type];
  return source < target ? `${source}|${type}|${target}` : `${target}|${converse}|${source}`;
}

export interface PageRelation {
  relation: Relation;
  target: PageEntitySummary;
}

export interface RelationGroup {
  source: PageEntitySummary;
  items: PageRelation[];
}

/**
 * The relations whose source and target are both on this page, grouped by source entity in
 * the page's order; a source whose card has not loaded yet is left out until it has. A fact
 * stated from both ends ("A criticised B", "B criticised by A") is listed once, under the
 * more prominent of the two.
 */
export function pageRelations(
  entities: readonly PageEntitySummary[],
  card: (entityId: string) => CardData | undefined,
): RelationGroup[] {
  const onPage = new Map(entities.map((e) => [e.id, e]));
  const groups: RelationGroup[] = [];
  const seen = new Set<string>();
  for (const source of entities) {
    const data = card(source.id);
    if (!data) continue;
    const items: PageRelation[] = [];
    for (const relation of data.entity.relations) {
      const target = onPage.get(relation.target);
      if (!target || target.id === source.id) continue;
      const key = factKey(source.id, relation.type, target.id);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ relation, target });
    }
    if (items.length > 0) groups.push({ source, items });
  }
  return groups;
}
