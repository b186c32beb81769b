/**
 * The names (and entity ids) that entities of different enabled packs both claim, and who
 * keeps each one by the precedence rule. The first few are shown; the rest fold away.
 */
import type { AliasConflict, ConflictSide } from '../../../lib/model';
import { formatList, t, tn } from '../../../lib/i18n';
import { kindInfo } from '../../../lib/kinds';
import { quoted } from './text';

/** Conflicts shown before the rest fold into "Show … more". */
export const CONFLICTS_SHOWN = 8;

function who(side: ConflictSide): string {
  return t('pkWho', { name: side.name, kind: kindInfo(side.kind).lower, pack: side.packTitle });
}

export function conflictLine(conflict: AliasConflict): string {
  if (conflict.sameEntity) {
    const others = conflict.losers.map((l) => l.packTitle).join(', ');
    return t('pkSameEntity', { name: conflict.winner.name, winner: conflict.winner.packTitle, others });
  }
  return t('pkMeans', { alias: quoted(conflict.alias), winner: who(conflict.winner), losers: formatList(conflict.losers.map(who), 'disjunction') });
}

function ConflictItem({ conflict }: { conflict: AliasConflict }) {
  return <li class="bs-conflict">{conflictLine(conflict)}</li>;
}

export function Conflicts({ conflicts }: { conflicts: readonly AliasConflict[] }) {
  const shown = conflicts.slice(0, CONFLICTS_SHOWN);
  const rest = conflicts.slice(CONFLICTS_SHOWN);
  return (
    <div class="bs-panel bs-conflicts" role="group" aria-labelledby="bs-conflicts-h">
      <h3 id="bs-conflicts-h">{t('pkConflicts')}</h3>
      <p class="bs-meta bs-conflicts__count">
        {conflicts.length === 0 ? t('pkNoConflicts') : tn('pkConflictCount', conflicts.length)}
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
          <summary>{tn('pkMoreConflicts', rest.length)}</summary>
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
