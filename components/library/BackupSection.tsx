/**
 * Backup: export everything as one JSON file, export the notes as Markdown, and import a
 * backup file (merged by the background, all or nothing) with a summary of what it did.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { ImportSummary } from '../../lib/model';
import type { LibraryActions } from './actions';
import { downloadText } from './download';
import { isoDay } from './dates';
import { errorMessage } from './useLiveQuery';

export interface BackupSectionProps {
  actions: LibraryActions;
  doc: Document;
  /** Today, for file names (tests pin it). */
  now?: () => number;
}

/** "12 added, 3 updated, 40 skipped". */
export function summaryLine(summary: ImportSummary): string {
  return t('bkSummary', { added: summary.added, updated: summary.updated, skipped: summary.skipped });
}

/** What the backup's own entities and corrections did, or null when it had none. */
export function layerLine(summary: ImportSummary): string | null {
  const l = summary.userLayer;
  if (!l) return null;
  const parts: string[] = [];
  const entities = l.entitiesAdded + l.entitiesSame + l.entitiesKept;
  if (entities > 0) {
    const bits = [t('bkAdded', { count: l.entitiesAdded })];
    if (l.entitiesSame > 0) bits.push(t('bkAlreadyHere', { count: l.entitiesSame }));
    if (l.entitiesKept > 0) bits.push(t('bkKeptHere', { count: l.entitiesKept }));
    parts.push(t('bkMyEntities', { parts: bits.join(', ') }));
  }
  const edits = l.editsAdded + l.editsUpdated + l.editsSkipped;
  if (edits > 0) {
    parts.push(tn('bkCorrections', edits, { added: l.editsAdded, updated: l.editsUpdated, skipped: l.editsSkipped }));
  }
  const [first, second] = parts;
  if (first === undefined) return null;
  return t('bkSentence', { text: second === undefined ? first : t('bkJoin', { first, second }) });
}

/** What the backup's site rules did, or null when it had none. */
export function sitesLine(summary: ImportSummary): string | null {
  const s = summary.sites;
  if (!s) return null;
  const words = { rules: tn('bkSiteRules', s.rulesAdded), notHere: tn('bkNotHereRules', s.notHereAdded) };
  return s.skipped > 0 ? t('bkSitesSkipped', { ...words, skipped: s.skipped }) : t('bkSites', words);
}

type ImportState =
  | { status: 'idle' }
  | { status: 'busy'; file: string }
  | { status: 'done'; file: string; summary: ImportSummary }
  | { status: 'error'; file: string; error: string };

export function BackupSection({ actions, doc, now = Date.now }: BackupSectionProps) {
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportState>({ status: 'idle' });

  const exportAs = async (kind: 'json' | 'md') => {
    setExportError(null);
    setExporting(null);
    try {
      const day = isoDay(now());
      if (kind === 'json') {
        const backup = await actions.exportBackup();
        const name = `backstory-backup-${day}.json`;
        downloadText(doc, name, `${JSON.stringify(backup, null, 2)}\n`, 'application/json');
        setExporting(tn('bkSavedJson', backup.notes.length, { file: name }));
      } else {
        const markdown = await actions.exportMarkdown();
        const name = `backstory-notes-${day}.md`;
        downloadText(doc, name, markdown, 'text/markdown');
        setExporting(t('bkSavedFile', { file: name }));
      }
    } catch (e) {
      setExportError(t('bkExportFailed', { message: errorMessage(e) }));
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImported({ status: 'busy', file: file.name });
    try {
      const text = await file.text();
      setImported({ status: 'done', file: file.name, summary: await actions.importBackup(text) });
    } catch (e) {
      setImported({ status: 'error', file: file.name, error: errorMessage(e) });
    } finally {
      // Choosing the same file again should import it again.
      input.value = '';
    }
  };

  return (
    <section class="bs-section-page" aria-labelledby="bs-backup-h">
      <h2 id="bs-backup-h">{t('bkTitle')}</h2>
      <div class="bs-panel" role="group" aria-labelledby="bs-export-h">
        <h3 id="bs-export-h">{t('bkExport')}</h3>
        <p class="bs-hint">{t('bkExportHint')}</p>
        <div class="bs-actions">
          <button type="button" class="bs-btn bs-btn--primary" onClick={() => void exportAs('json')}>
            {t('bkExportJson')}
          </button>
          <button type="button" class="bs-btn" onClick={() => void exportAs('md')}>
            {t('bkExportMd')}
          </button>
        </div>
        <p class="bs-notice" role="status" aria-live="polite">
          {exporting ?? ''}
        </p>
        {exportError ? <p class="bs-error" role="alert">{exportError}</p> : null}
      </div>
      <div class="bs-panel" role="group" aria-labelledby="bs-import-h">
        <h3 id="bs-import-h">{t('bkImport')}</h3>
        <p class="bs-hint" id="bs-import-hint">
          {t('bkImportHint')}
        </p>
        <label class="bs-file" for="bs-import">
          {t('bkChoose')}
        </label>
        <input
          id="bs-import"
          type="file"
          accept=".json,application/json"
          aria-describedby="bs-import-hint"
          disabled={imported.status === 'busy'}
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <div class="bs-import-result" role="status" aria-live="polite" aria-atomic="true">
          {imported.status === 'busy' ? <p>{t('bkImporting', { file: imported.file })}</p> : null}
          {imported.status === 'done' ? <ImportResult file={imported.file} summary={imported.summary} /> : null}
        </div>
        {imported.status === 'error' ? (
          <div class="bs-error" role="alert">
            <p>{t('bkNotImported', { file: imported.file })}</p>
            <p class="bs-error__detail">{imported.error}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function ImportResult({ file, summary }: { file: string; summary: ImportSummary }) {
  return (
    <div class="bs-summary-box">
      <p>
        <strong>{`${t('bkImported', { file })} `}</strong>
        <span class="bs-summary-line">{summaryLine(summary)}</span>
      </p>
      {layerLine(summary) ? <p class="bs-summary-layer">{layerLine(summary)}</p> : null}
      {sitesLine(summary) ? <p class="bs-summary-layer">{sitesLine(summary)}</p> : null}
      {summary.warnings.length > 0 ? (
        <>
          <p>{tn('bkWarnings', summary.warnings.length)}</p>
          <ul class="bs-warnings">
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
