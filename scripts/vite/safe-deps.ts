/**
 * Build-time patches that take HTML parsing from strings and string evaluation out of
 * three dependencies, so that no bundle Backstory ships can set `innerHTML` from a value or
 * build a function from a string (Mozilla's add-on linter flags both, and Backstory uses
 * neither):
 *
 * - Preact's `dangerouslySetInnerHTML` (Backstory never passes it; an ESLint rule keeps it
 *   so): the value is set as text instead of parsed as HTML.
 * - zod 4's JIT: `allowsEval` answers false without probing `new Function("")` (extension
 *   pages forbid eval by CSP anyway, so the JIT never ran; the probe only caused a CSP
 *   report), and the two code generators get a constructor that refuses.
 * - Readability: the page reset between its attempts restores a deep clone of the page's
 *   children instead of re-parsing their HTML, and a `<noscript>`'s image is copied as
 *   nodes. Equivalent: Readability runs on documents without scripting (DOMParser, or the
 *   clone the review page makes), where a `<noscript>`'s content is already parsed into
 *   elements — and `_isSingleImage` is false for one that holds only text.
 *
 * Every patch names the exact text it replaces; if a dependency update changes that text
 * the build fails with the patch's name, so the patch is reviewed rather than silently
 * skipped.
 */
import type { Plugin } from 'vite';

export interface SourcePatch {
  /** What the patch is for, in the build error when it no longer applies. */
  name: string;
  /** The module's path ends with this (forward slashes). */
  module: string;
  find: string;
  replace: string;
  /** How many times `find` must occur (default 1). */
  count?: number;
}

const REFUSE_CODEGEN =
  'class BackstoryNoCodeGeneration { constructor() { throw new EvalError("Backstory builds do not generate code from strings"); } }\n';

export const SAFE_DEPS_PATCHES: readonly SourcePatch[] = [
  {
    name: "Preact's dangerouslySetInnerHTML is set as text",
    module: 'node_modules/preact/dist/preact.module.js',
    find: '(u.innerHTML=h.__html)',
    replace: '(u.textContent=String(h.__html))',
  },
  {
    name: "zod's allowsEval answers false without evaluating a string",
    module: 'node_modules/zod/v4/core/util.js',
    find: 'const F = Function;\n        new F("");\n        return true;',
    replace: 'return false;',
  },
  {
    name: "zod's object JIT refuses to generate code",
    module: 'node_modules/zod/v4/core/doc.js',
    find: 'const F = Function;',
    replace: 'const F = BackstoryNoCodeGeneration;',
  },
  {
    name: "zod's compile() refuses to generate code",
    module: 'node_modules/zod/v4/core/compile.js',
    find: 'const F = Function;',
    replace: 'const F = BackstoryNoCodeGeneration;',
  },
  {
    name: "Readability's page cache is a clone, not HTML",
    module: 'node_modules/@mozilla/readability/Readability.js',
    find: 'var pageCacheHtml = page.innerHTML;',
    replace: 'var pageCacheHtml = page.cloneNode(true);',
  },
  {
    name: "Readability restores the page from the clone",
    module: 'node_modules/@mozilla/readability/Readability.js',
    find: 'page.innerHTML = pageCacheHtml;',
    replace: 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
  },
  {
    name: "Readability copies a <noscript>'s image as nodes",
    module: 'node_modules/@mozilla/readability/Readability.js',
    find: 'tmp.innerHTML = noscript.innerHTML;',
    replace: 'tmp.replaceChildren(...Array.from(noscript.childNodes, (n) => n.cloneNode(true)));',
  },
];

const PREAMBLE_MODULES = new Set(['node_modules/zod/v4/core/doc.js', 'node_modules/zod/v4/core/compile.js']);

function occurrences(code: string, find: string): number {
  let n = 0;
  for (let i = code.indexOf(find); i >= 0; i = code.indexOf(find, i + find.length)) n++;
  return n;
}

/** The patched source of `id`, or null when no patch is for that module. Throws when one no longer applies. */
export function patchSource(id: string, code: string, patches: readonly SourcePatch[] = SAFE_DEPS_PATCHES): string | null {
  const path = id.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const mine = patches.filter((p) => path.endsWith(p.module));
  if (!mine.length) return null;
  let out = code;
  for (const patch of mine) {
    const found = occurrences(out, patch.find);
    const expected = patch.count ?? 1;
    if (found !== expected) {
      throw new Error(
        `safe-deps: the patch "${patch.name}" expects ${expected} occurrence(s) of ${JSON.stringify(patch.find)} in ${patch.module}, found ${found}. ` +
          'The dependency changed: review scripts/vite/safe-deps.ts.',
      );
    }
    out = out.split(patch.find).join(patch.replace);
  }
  const module = mine[0]?.module;
  if (module && PREAMBLE_MODULES.has(module)) out = REFUSE_CODEGEN + out;
  return out;
}

/** The Vite plugin: applies `SAFE_DEPS_PATCHES` while bundling. */
export function safeDeps(): Plugin {
  return {
    name: 'backstory-safe-deps',
    enforce: 'pre',
    transform(code, id) {
      const patched = patchSource(id, code);
      return patched === null ? null : { code: patched, map: null };
    },
  };
}
