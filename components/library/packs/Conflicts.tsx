/**
 * The names (and entity ids) that entities of different enabled packs both claim, and who
 * keeps each one by the precedence rule. The first few are shown; the rest fold away.
 */
import type { AliasConflict, ConflictSide } from '../../../lib/model';
import { kindInfo } from '../../../lib/kinds';
import { plural, quoted } from './text';

/** Conflicts shown before the rest fold into "Show … more". */
export const CONFLICTS_SHOWN = 8;

function who(side: ConflictSide): string {
  return `${side.name} (${kindInfo(side.kind).label.toLowerCase()}, ${side.packTitle})`;
}

export function conflictLine(conflict: AliasConflict): string {
  if (conflict.sameEntity) {
    const others = conflict.losers.map((l) => l.packTitle).join(', ');
    return `${conflict.winner.name} is in several packs: the version in ${conflict.winner.packTitle} is used, not the one in ${others}.`;
  }
  return `${quoted(conflict.alias)} means ${who(conflict.winner)}; not ${conflict.losers.map(who).join(', or ')}.`;
}

function ConflictItem({ conflict }: { conflict: AliasConflict }) {
  return <li class="bs-conflict">{conflictLine(conflict)}</li>;
}

export function Conflicts({ conflicts }: { conflicts: readonly AliasConflict[] }) {
  const shown = conflicts.slice(0, CONFLICTS_SHOWN);
  const rest = conflicts.slice(CONFLICTS_SHOWN);
  return (
    <div class="bs-panel bs-conflicts" role="group" aria-labelledby="bs-conflicts-h">
      <h3 id="bs-conflicts-h">Conflicts</h3>
      <p class="bs-meta bs-conflicts__count">
        {conflicts.length === 0 ? 'No name is claimed by two packs in use.' : `${plural(conflicts.length, 'conflict')} between the packs in use`}
      </p>
      {shown.length > 0 ? (
        <ul class="bs-conflict-list">
          {shown.map((c, i) => (
            <ConflictItem key={i} conflict={c} />
          ))}
        </ul>
      ) : null}
      {rest.length > 0 ? (
        <details class="bs-conflicts__more">
          <summary>{`Show ${plural(rest.length, 'more conflict')}`}</summary>
          <ul class="bs-conflict-list">
            {rest.map((c, i) => (
              <ConflictItem key={i} conflict={c} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
