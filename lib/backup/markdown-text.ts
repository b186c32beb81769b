/**
 * User text → Markdown that reads as the same text. Whatever a note says, it stays one
 * paragraph-level run of text inside the structure the export builds: it cannot open a
 * heading, list, quote, code block, table, thematic break, link, image or raw HTML.
 * Escapes are added only where a character could mean something, so text stays readable.
 */

// C0 controls except \t and \n, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Characters that are Markdown syntax wherever they appear in a line. */
const INLINE_SYNTAX = /[\\`*_[\]~|]/g;
/** A character reference (`&lt;`, `&#60;`, `&#x3c;`) that would be decoded. */
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g;
/** Block syntax at the start of a line: heading, quote, list, thematic break, setext line. */
const BLOCK_START = /^(#{1,6}(\s|$)|>|[+-](\s|$)|--|=+\s*$)/;
const ORDERED_LIST = /^(\d{1,9})([.)])/;

/** Escapes one line of user text (no line breaks in it). */
export function escapeInline(line: string): string {
  let out = line
    .replace(CONTROL_CHARS, '')
    .replace(ENTITY, '&amp;')
    .replace(INLINE_SYNTAX, (c) => `\\${c}`)
    .replace(/</g, '&lt;');
  // Leading indentation would make an indented code block: keep it visible as no-break spaces.
  out = out.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    ').replace(/ /g, '\u00A0'));
  if (BLOCK_START.test(out)) out = `\\${out}`;
  else out = out.replace(ORDERED_LIST, '$1\\$2');
  return out;
}

/** Escaped text on one line (line breaks become spaces): for headings and link text. */
export function escapeOneLine(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#');
}

/**
 * Multi-line user text as Markdown lines: each line escaped, line breaks kept as hard
 * breaks (a trailing backslash), blank lines kept as paragraph breaks.
 */
export function escapeBlock(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  const out: string[] = [];
  lines.forEach((line, i) => {
    const blank = line.trim() === '';
    if (blank) {
      if (out[out.length - 1] !== '') out.push('');
      return;
    }
    const next = lines[i + 1];
    const breakAfter = next !== undefined && next.trim() !== '';
    out.push(escapeInline(line.trimEnd()) + (breakAfter ? '\\' : ''));
  });
  return out;
}

/**
 * A URL as an autolink when it is http(s), else as escaped text. Characters that would end
 * or break the autolink are percent-encoded.
 */
export function markdownUrl(url: string): string {
  if (!/^https?:\/\/[^\s]/i.test(url)) return escapeOneLine(url);
  // eslint-disable-next-line no-control-regex
  const safe = url.replace(/[\u0000-\u0020<>"`\\\u007F]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${safe}>`;
}

/** A tag as `#tag`: whitespace becomes "-", the rest escaped. */
export function markdownTag(tag: string): string {
  const word = tag.trim().replace(/\s+/g, '-');
  return `#${escapeInline(word)}`;
}
