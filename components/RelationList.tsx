import type { Relation, RelationType } from '../lib/model';
import { t } from '../lib/i18n';
import type { EntityRef } from '../lib/messaging';
import { relationLabel } from '../lib/format';

export interface RelationListProps {
  relations: readonly Relation[];
  related: readonly EntityRef[];
  onOpenEntity?: (entityId: string) => void;
  headingId: string;
}

interface Group {
  type: RelationType;
  items: { relation: Relation; target: EntityRef }[];
}

/** Group relations by type, in order of first appearance; drop targets we know nothing of. */
export function groupRelations(relations: readonly Relation[], related: readonly EntityRef[]): Group[] {
  const refs = new Map(related.map((r) => [r.id, r]));
  const groups = new Map<RelationType, Group>();
  for (const relation of relations) {
    const target = refs.get(relation.target);
    if (!target) continue;
    let group = groups.get(relation.type);
    if (!group) {
      group = { type: relation.type, items: [] };
      groups.set(relation.type, group);
    }
    group.items.push({ relation, target });
  }
  return [...groups.values()];
}

/** Related entities grouped by relation; each target is a button that opens its card. */
export function RelationList({ relations, related, onOpenEntity, headingId }: RelationListProps) {
  const groups = groupRelations(relations, related);
  if (groups.length === 0) return null;
  return (
    <section class="bs-section" aria-labelledby={headingId}>
      <h3 class="bs-section__title" id={headingId}>
        {t('cardRelated')}
      </h3>
      {groups.map((group) => {
        const groupId = `${headingId}-${group.type}`;
        return (
          <div class="bs-relgroup" key={group.type}>
            <p class="bs-relgroup__type" id={groupId}>
              {relationLabel(group.type)}
            </p>
            <ul class="bs-relations" aria-labelledby={groupId}>
              {group.items.map(({ relation, target }, i) => (
                <li class="bs-relation" key={`${target.id}:${i}`}>
                  <button
                    type="button"
                    class="bs-relation__target"
                    data-kind={target.kind}
                    onClick={() => onOpenEntity?.(target.id)}
                  >
                    <bdi>{target.name}</bdi>
                  </button>
                  {relation.label ? (
                    <span class="bs-relation__label" dir="auto">
                      {relation.label}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
