/**
 * `::highlight()` rules in the page's document do not reach into shadow trees, so the
 * highlight styles are adopted, as one constructed stylesheet, by every open shadow root
 * the scanner reads. No node is added; the sheet is withdrawn when `signal` aborts.
 */
export function createShadowStyler(
  win: Window,
  cssText: string,
  signal: AbortSignal,
): (root: ShadowRoot) => void {
  const Sheet = (win as Window & { CSSStyleSheet?: typeof CSSStyleSheet }).CSSStyleSheet;
  if (Sheet === undefined || !('replaceSync' in Sheet.prototype)) return () => undefined;
  let sheet: CSSStyleSheet | null = null;
  const styled = new Set<ShadowRoot>();
  signal.addEventListener(
    'abort',
    () => {
      for (const root of styled) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
      styled.clear();
    },
    { once: true },
  );
  return (root) => {
    if (signal.aborted || styled.has(root)) return;
    try {
      if (sheet === null) {
        sheet = new Sheet();
        sheet.replaceSync(cssText);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      styled.add(root);
    } catch {
      // A sheet from another document or a frozen array: the highlights stay, unstyled.
    }
  };
}
