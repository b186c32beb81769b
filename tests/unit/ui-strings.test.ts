/**
 * No user-visible words hard-coded in the UI: every UI string is a message read with
 * `t()` / `tn()` / `tx()` (lib/i18n.ts, components/i18n.tsx). Parsed with the TypeScript
 * compiler, every UI source file (.tsx under components/ and entrypoints/, and the .ts
 * helpers of components/) is checked for
 * - text in JSX (`<p>Saved</p>`),
 * - words in the attributes people read or hear (`aria-label`, `title`, `placeholder`, …,
 *   and the components' own `label`, `empty`, `message`),
 * - a string or template that reads like prose (two words or more, or one capitalised word)
 *   anywhere else, such as an argument of `setStatus('Saved')`.
 * What is not prose (class names, ids, URLs, key names, CSS, message names) passes; a line
 * may opt out with a comment `i18n-ignore` and a reason.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function files(dir: string, test: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__fixtures__' && name !== 'node_modules') out.push(...files(path, test));
    } else if (test(path)) out.push(path);
  }
  return out;
}

const notTest = (p: string): boolean => !/\.test\.tsx?$|[/\\]testing\.tsx?$|css-testing\.ts$/.test(p);
const UI_FILES = [
  ...files(join(ROOT, 'components'), (p) => /\.tsx?$/.test(p) && notTest(p)),
  ...files(join(ROOT, 'entrypoints'), (p) => p.endsWith('.tsx') && notTest(p)),
].sort();

/** Attributes whose words are read or heard. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'empty',
  'message',
  'all',
]);
/** `KeyboardEvent.key` values and other one-word strings that are code, not words. */
const CODE_WORDS = new Set(['Escape', 'Esc', 'Enter', 'Backspace', 'Home', 'End', 'Tab', 'Delete', 'Insert', 'Shift', 'Alt', 'Control', 'Meta']);

const LETTERS = /\p{L}{2,}/u;

/** Prose: two words or more, or one capitalised word ("Saved", "Loading…"). */
function isProse(text: string): boolean {
  const trimmed = text.trim();
  if (!LETTERS.test(trimmed)) return false;
  if (/^[a-z][\w-]*(\s+[a-z][\w-]*)*$/.test(trimmed) && /[-_]/.test(trimmed)) return false; // class names
  if (/^(https?:|#|\.|\/|\?|--|@|\$)/.test(trimmed) || /^[\w.-]+@/.test(trimmed)) return false; // URLs, selectors, vars
  if (/[{};]|::|=>/.test(trimmed)) return false; // CSS or code
  const words = trimmed.split(/\s+/).filter((w) => /^[\p{L}’'][\p{L}’'.,:;!?…]*$/u.test(w));
  if (words.length >= 2) return true;
  return /^\p{Lu}\p{Ll}+[.!?…:]?$/u.test(trimmed) && !CODE_WORDS.has(trimmed);
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function ignored(source: ts.SourceFile, node: ts.Node): boolean {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  const lines = source.text.split('\n');
  return [lines[line], lines[line - 1]].some((l) => l?.includes('i18n-ignore') === true);
}

function attributeName(node: ts.Node): string | null {
  let at: ts.Node | undefined = node.parent;
  while (at && !ts.isJsxAttribute(at)) {
    if (ts.isJsxElement(at) || ts.isJsxSelfClosingElement(at) || ts.isBlock(at)) return null;
    at = at.parent;
  }
  return at && ts.isJsxAttribute(at) ? at.name.getText() : null;
}

/** Strings that are code by their place: imports, object keys, `case`, comparisons, `t('key')`. */
function codePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isCaseClause(parent) || ts.isLiteralTypeNode(parent) || ts.isElementAccessExpression(parent)) return true;
  if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) return true;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    if (/^(t|tn|tx|txn|querySelector|querySelectorAll|closest|matches|getElementById|addEventListener|removeEventListener|createElement|console\.\w+|require)$|\.(querySelector|querySelectorAll|closest|matches|getElementById|addEventListener|removeEventListener|createElement|setAttribute|getAttribute)$/.test(callee)) return true;
  }
  return false;
}

function scan(file: string): Finding[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, what: string): void => {
    if (ignored(source, node)) return;
    found.push({ file: relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: what.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTERS.test(node.text)) report(node, node.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !codePosition(node)) {
      const attr = attributeName(node);
      if (attr !== null) {
        if (TEXT_ATTRIBUTES.has(attr) && LETTERS.test(node.text)) report(node, `${attr}="${node.text}"`);
      } else if (isProse(node.text)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      const attr = attributeName(node);
      if (attr !== null ? TEXT_ATTRIBUTES.has(attr) && LETTERS.test(parts) : isProse(parts)) report(node, parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI strings', () => {
  it('scans the UI files', () => {
    expect(UI_FILES.length).toBeGreaterThan(60);
  });

  it('finds what it is meant to find', () => {
    const probe = (code: string): number => {
      const source = ts.createSourceFile('probe.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      let n = 0;
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && LETTERS.test(node.text)) n++;
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !codePosition(node)) {
          const attr = attributeName(node);
          if (attr !== null ? TEXT_ATTRIBUTES.has(attr) && LETTERS.test(node.text) : isProse(node.text)) n++;
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return n;
    };
    expect(probe('const a = <p>Saved</p>;')).toBe(1);
    expect(probe('const a = <button aria-label="Close">x</button>;')).toBe(1);
    expect(probe("setStatus('Note restored');")).toBe(1);
    expect(probe("setStatus('Saved');")).toBe(1);
    expect(probe('const a = <p class="bs-btn bs-btn--primary" id="bs-x" data-kind="person">{t(\'commonSave\')}</p>;')).toBe(0);
    expect(probe("if (e.key === 'Escape') f(); el.querySelector('button.bs-sb-row__btn'); const k = 'Enter';")).toBe(0);
  });

  it('no UI file has hard-coded words: they are messages in public/_locales', () => {
    const findings = UI_FILES.flatMap(scan).map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(findings).toEqual([]);
  });
});
