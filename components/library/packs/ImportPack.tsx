/**
 * "Import a pack" from a file. Files over `MAX_PACK_FILE_BYTES` are refused before they are
 * read. The background validates the text (`parsePack`): a broken file changes nothing and
 * every problem is listed in an alert. A pack already installed at the same or a higher
 * version asks first (naming both versions), then is sent again with `replace: true`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../../lib/i18n';
import type { BackstoryDB } from '../../../lib/db/schema';
import type { ImportPackResult } from '../../../lib/messaging';
import { MAX_PACK_FILE_BYTES } from '../../../lib/messaging-validation';
import type { LibraryActions } from '../actions';
import { errorMessage } from '../useLiveQuery';
import { quoted } from './text';

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
  if (bytes >= 1024 * 1024) return t('pkSizeMb', { size: Number((bytes / (1024 * 1024)).toFixed(1)) });
  return t('pkSizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/** What an import did, in one sentence. */
export function installedMessage(reply: Installed, entityCount: number): string {
  const { pack, replaced, editsKept } = reply;
  const title = quoted(pack.title);
  const words = { title, version: pack.version, entities: tn('pkEntities', entityCount), edits: editsKept > 0 ? tn('pkEditsKept', editsKept) : '' };
  if (replaced === undefined) return t('pkInstalledMsg', words);
  if (replaced < pack.version) return t('pkUpdatedMsg', { ...words, from: replaced });
  return t('pkReplacedMsg', { ...words, from: replaced });
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
          error: t('pkTooBig', { size: formatBytes(file.size), max: formatBytes(MAX_PACK_FILE_BYTES) }),
        });
        return;
      }
      let json: string;
      try {
        json = await file.text();
      } catch (e) {
        setState({ status: 'error', file: file.name, error: t('pkUnreadable', { message: errorMessage(e) }) });
        return;
      }
      await send(file.name, json, false);
    } finally {
      // Choosing the same file again should import it again.
      input.value = '';
    }
  };

  const cancel = () => {
    setState({ status: 'done', message: t('pkNothingImported') });
    inputRef.current?.focus();
  };

  return (
    <div class="bs-panel bs-pack-import" role="group" aria-labelledby="bs-pack-import-h">
      <h3 id="bs-pack-import-h">{t('pkImportTitle')}</h3>
      <p class="bs-hint" id="bs-pack-import-hint">
        {t('pkImportHint', { max: formatBytes(MAX_PACK_FILE_BYTES) })}
      </p>
      <label class="bs-file" for="bs-pack-import">
        {t('pkImportLabel')}
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
        {state.status === 'busy' ? <p class="bs-meta">{t('pkImporting', { file: state.file })}</p> : null}
        {state.status === 'done' ? <p class="bs-notice">{state.message}</p> : null}
      </div>
      {state.status === 'confirm' ? <ConfirmReplace state={state} keepRef={keepRef} onReplace={() => void send(state.file, state.json, true)} onCancel={cancel} /> : null}
      {state.status === 'invalid' ? (
        <div class="bs-error" role="alert">
          <p>{tn('pkInvalid', state.errors.length, { file: state.file })}</p>
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
          <p>{t('pkNotImported', { file: state.file })}</p>
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
  const words = { title: quoted(installed.title), installed: installed.version, file: state.file, incoming: incoming.version };
  const question = reason === 'same-version' ? t('pkSameVersion', words) : t('pkOlderVersion', words);
  return (
    <div class="bs-confirm" role="group" aria-labelledby="bs-pack-replace-q">
      <p id="bs-pack-replace-q">{question}</p>
      <p class="bs-meta">{t('pkKeptEitherWay')}</p>
      <button type="button" class="bs-btn bs-btn--danger" onClick={onReplace}>
        {t('pkReplaceWith', { version: incoming.version })}
      </button>
      <button type="button" class="bs-btn" ref={keepRef} onClick={onCancel}>
        {t('pkKeep', { version: installed.version })}
      </button>
    </div>
  );
}
