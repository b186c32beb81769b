/**
 * "Import a pack" from a file. Files over `MAX_PACK_FILE_BYTES` are refused before they are
 * read. The background validates the text (`parsePack`): a broken file changes nothing and
 * every problem is listed in an alert. A pack already installed at the same or a higher
 * version asks first (naming both versions), then is sent again with `replace: true`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackstoryDB } from '../../../lib/db/schema';
import type { ImportPackResult } from '../../../lib/messaging';
import { MAX_PACK_FILE_BYTES } from '../../../lib/messaging-validation';
import type { LibraryActions } from '../actions';
import { errorMessage } from '../useLiveQuery';
import { plural, quoted } from './text';

type Confirm = Extract<ImportPackResult, { status: 'confirm' }>;
type Installed = Extract<ImportPackResult, { status: 'installed' }>;

type ImportState =
  | { status: 'idle' }
  | { status: 'busy'; file: string }
  | { status: 'done'; message: string }
  | { status: 'confirm'; file: string; json: string; reply: Confirm }
  | { status: 'invalid'; file: string; errors: string[] }
  | { status: 'error'; file: string; error: string };

/** "32 MB", "1.5 MB", "900 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What an import did, in one sentence. */
export function installedMessage(reply: Installed, entityCount: number): string {
  const { pack, replaced, editsKept } = reply;
  const title = quoted(pack.title);
  const entities = plural(entityCount, 'entity', 'entities');
  const edits = editsKept > 0 ? `; kept ${editsKept} of your edits` : '';
  if (replaced === undefined) return `Installed ${title} v${pack.version} (${entities})${edits}.`;
  if (replaced < pack.version) return `Updated ${title} from v${replaced} to v${pack.version} (${entities})${edits}.`;
  return `Replaced ${title} v${replaced} with the file’s v${pack.version} (${entities})${edits}.`;
}

export function ImportPack({ db, actions }: { db: BackstoryDB; actions: LibraryActions }) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const confirming = state.status === 'confirm';
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const send = async (file: string, json: string, replace: boolean) => {
    setState({ status: 'busy', file });
    try {
      const reply = await actions.importPack(json, replace);
      if (reply.status === 'invalid') setState({ status: 'invalid', file, errors: reply.errors });
      else if (reply.status === 'confirm') setState({ status: 'confirm', file, json, reply });
      else {
        const count = await db.packEntities.where('packId').equals(reply.pack.id).count();
        setState({ status: 'done', message: installedMessage(reply, count) });
      }
    } catch (e) {
      setState({ status: 'error', file, error: errorMessage(e) });
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_PACK_FILE_BYTES) {
        setState({
          status: 'error',
          file: file.name,
          error: `The file is ${formatBytes(file.size)}; a pack file can be at most ${formatBytes(MAX_PACK_FILE_BYTES)}.`,
        });
        return;
      }
      let json: string;
      try {
        json = await file.text();
      } catch (e) {
        setState({ status: 'error', file: file.name, error: `The file could not be read (${errorMessage(e)}).` });
        return;
      }
      await send(file.name, json, false);
    } finally {
      // Choosing the same file again should import it again.
      input.value = '';
    }
  };

  const cancel = () => {
    setState({ status: 'done', message: 'Nothing was imported; the installed pack is kept.' });
    inputRef.current?.focus();
  };

  return (
    <div class="bs-panel bs-pack-import" role="group" aria-labelledby="bs-pack-import-h">
      <h3 id="bs-pack-import-h">Import a pack</h3>
      <p class="bs-hint" id="bs-pack-import-hint">
        {`A Backstory pack file (.json, at most ${formatBytes(MAX_PACK_FILE_BYTES)}). A newer version of an installed pack replaces it and keeps your edits and notes; a file with any problem changes nothing.`}
      </p>
      <label class="bs-file" for="bs-pack-import">
        Import a pack from a file
      </label>
      <input
        id="bs-pack-import"
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        aria-describedby="bs-pack-import-hint"
        disabled={state.status === 'busy'}
        onChange={(e) => void onFile(e.currentTarget)}
      />
      <div class="bs-pack-import__result" role="status" aria-live="polite" aria-atomic="true">
        {state.status === 'busy' ? <p class="bs-meta">{`Importing ${state.file}…`}</p> : null}
        {state.status === 'done' ? <p class="bs-notice">{state.message}</p> : null}
      </div>
      {state.status === 'confirm' ? <ConfirmReplace state={state} keepRef={keepRef} onReplace={() => void send(state.file, state.json, true)} onCancel={cancel} /> : null}
      {state.status === 'invalid' ? (
        <div class="bs-error" role="alert">
          <p>{`${state.file} is not a valid pack; nothing changed. ${state.errors.length === 1 ? 'The problem:' : `${state.errors.length} problems:`}`}</p>
          <ul class="bs-error__lines">
            {state.errors.map((line, i) => (
              <li key={i} class="bs-error__detail">
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.status === 'error' ? (
        <div class="bs-error" role="alert">
          <p>{`${state.file} was not imported; nothing changed.`}</p>
          <p class="bs-error__detail">{state.error}</p>
        </div>
      ) : null}
    </div>
  );
}

interface ConfirmProps {
  state: Extract<ImportState, { status: 'confirm' }>;
  keepRef: { current: HTMLButtonElement | null };
  onReplace(): void;
  onCancel(): void;
}

function ConfirmReplace({ state, keepRef, onReplace, onCancel }: ConfirmProps) {
  const { installed, incoming, reason } = state.reply;
  const question =
    reason === 'same-version'
      ? `${quoted(installed.title)} v${installed.version} is already installed, and ${state.file} holds the same version (v${incoming.version}). Replace the installed copy with the file’s?`
      : `${quoted(installed.title)} v${installed.version} is installed; ${state.file} holds the older v${incoming.version}. Replace v${installed.version} with v${incoming.version}?`;
  return (
    <div class="bs-confirm" role="group" aria-labelledby="bs-pack-replace-q">
      <p id="bs-pack-replace-q">{question}</p>
      <p class="bs-meta">Your edits and notes are kept either way.</p>
      <button type="button" class="bs-btn bs-btn--danger" onClick={onReplace}>
        {`Replace with v${incoming.version}`}
      </button>
      <button type="button" class="bs-btn" ref={keepRef} onClick={onCancel}>
        {`Keep v${installed.version}`}
      </button>
    </div>
  );
}
