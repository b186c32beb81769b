/**
 * The page UI, started in a frame the first time it is needed (see `ui-contract.ts`): the
 * card with its notes and wrong-match buttons, passage notes, "Track this name" and the
 * sidebar bridge. Each part starts on its own, refined-github style: one that throws is
 * logged and left out, and the others work.
 */
import { requestNotesSource } from '../../components/notes/card-notes';
import { request } from '../../lib/messaging';
import { OWN_UI_TAGS } from '../../lib/page/own-ui';
import { createLazyCardPopover } from './ui';
import { mentionPlace } from '../../lib/page/mention-place';
import { createCorrections, type Corrections } from './corrections';
import { startPassageNotes, type PassageNotes } from './passages';
import { startTrackName } from './track';
import { startSidebarBridge, type SidebarBridge } from './sidebar-bridge';
import type { PageUi, PageUiDeps } from './ui-contract';

/** Start one part; null (and a console line) when it throws. */
function part<T>(name: string, start: () => T): T | null {
  try {
    return start();
  } catch (error) {
    console.warn(`Backstory: ${name} did not start:`, error);
    return null;
  }
}

export function startPageUi(deps: PageUiDeps): PageUi {
  const { scope, send, doc, win, scanner } = deps;
  const corrections: Corrections | null = part('the wrong-match buttons', () => createCorrections(scope, { send, doc, win }));
  const { notes: cardNotes } = requestNotesSource(send, () => ({ url: win.location.href, title: doc.title }));
  // The card is the one part the others cannot do without: if it throws, so does this.
  const card = createLazyCardPopover(scope, {
    doc,
    win,
    loadCard: (entityId) => request(send, 'getCard', { entityId }),
    notes: {
      ...cardNotes,
      forEntity: (entityId) => {
        deps.cardOpened();
        return cardNotes.forEntity(entityId);
      },
    },
    ...(corrections ? { corrections: corrections.card } : {}),
    locate: (anchor, entityId) => mentionPlace(deps.scanner.mentionsOf(entityId), anchor),
  });
  const passages: PassageNotes | null = part('passage notes', () => startPassageNotes(scope, { send, doc, win, ready: scanner.ready }));
  const track = part('"Track this name"', () => startTrackName(scope, { send, doc, win }));
  const sidebar: SidebarBridge | null = part('the sidebar bridge', () =>
    startSidebarBridge(scope, {
      scanner,
      names: deps.names,
      doc,
      win,
      ...(passages ? { passages } : {}),
      runtime: deps.sidebarRuntime,
    }),
  );
  return {
    card,
    newPassageNote: () => passages?.newNote(),
    trackSelection: () => track?.open() ?? false,
    passageStatus: () => passages?.statusWhenLoaded() ?? Promise.resolve({ url: win.location.href, anchored: [], orphaned: [] }),
    mentionsChanged: () => sidebar?.changed(),
    ownsNode: (node) =>
      card.ownsNode(node) || (corrections?.ownsNode(node) ?? false) || (node.nodeType === 1 && OWN_UI_TAGS.has((node as Element).localName)),
  };
}
