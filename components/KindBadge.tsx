import type { EntityKind } from '../lib/model';
import { kindInfo } from '../lib/kinds';

/**
 * The entity's kind as a small label, underlined in the same style as its highlights on the
 * page (person solid, organisation double, place dotted, topic wavy, event dashed, group
 * thick) so the card and the page speak one visual language.
 */
export function KindBadge({ kind }: { kind: EntityKind }) {
  return (
    <span class="bs-kind" data-kind={kind}>
      <span class="bs-kind__label">{kindInfo(kind).label}</span>
    </span>
  );
}
