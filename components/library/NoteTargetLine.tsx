/** What a note is about, in one line above it: the entity, the page, or the quoted passage. */
import type { Note } from '../../lib/model';
import { urlHost } from '../../lib/format';

export function targetLabel(note: Note, entityNames: Record<string, string>): string {
  const { target } = note;
  if (target.type === 'entity') return entityNames[target.entityId] ?? target.entityId;
  const page = note.pageTitle?.trim() || urlHost(target.url) || target.url;
  return page;
}

export function NoteTargetLine({ note, entityNames }: { note: Note; entityNames: Record<string, string> }) {
  const { target } = note;
  const kind = target.type === 'entity' ? 'Entity' : target.type === 'page' ? 'Page' : 'Passage';
  return (
    <p class="bs-note-target">
      <span class="bs-note-target__kind">{kind}</span>{' '}
      <span class="bs-note-target__name">{targetLabel(note, entityNames)}</span>
      {target.type === 'passage' ? <q class="bs-note-target__quote">{target.selector.exact}</q> : null}
    </p>
  );
}
