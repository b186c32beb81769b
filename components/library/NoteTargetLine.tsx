/** What a note is about, in one line above it: the entity, the page, or the quoted passage. */
import type { Note } from '../../lib/model';
import { t } from '../../lib/i18n';
import { urlHost } from '../../lib/format';

export function targetLabel(note: Note, entityNames: Record<string, string>): string {
  const { target } = note;
  if (target.type === 'entity') return entityNames[target.entityId] ?? target.entityId;
  const page = note.pageTitle?.trim() || urlHost(target.url) || target.url;
  return page;
}

export function NoteTargetLine({ note, entityNames }: { note: Note; entityNames: Record<string, string> }) {
  const { target } = note;
  const kind = t(target.type === 'entity' ? 'libTargetEntity' : target.type === 'page' ? 'libTargetPage' : 'libTargetPassage');
  return (
    <p class="bs-note-target">
      <span class="bs-note-target__kind">{kind}</span>{' '}
      <bdi class="bs-note-target__name">{targetLabel(note, entityNames)}</bdi>
      {target.type === 'passage' ? (
        <q class="bs-note-target__quote" dir="auto">
          {target.selector.exact}
        </q>
      ) : null}
    </p>
  );
}
