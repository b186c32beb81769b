/** Save text as a file the user downloads: a Blob, an object URL and a clicked `<a download>`. */
export function downloadText(doc: Document, filename: string, text: string, type: string): void {
  const view = doc.defaultView;
  // i18n-ignore: a programming error (a document without a window), never a reader's.
  if (!view) throw new Error('No window to download from.');
  const url = view.URL.createObjectURL(new view.Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Let the download start before the URL goes away.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
  }
}
