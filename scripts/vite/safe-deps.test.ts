import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { patchSource, SAFE_DEPS_PATCHES } from './safe-deps';

const ROOT = resolve(__dirname, '../..');
const modules = [...new Set(SAFE_DEPS_PATCHES.map((p) => p.module))];

describe('safe-deps patches the installed dependencies', () => {
  it.each(modules)('%s: every patch applies, and no HTML-from-string or Function constructor is left', (module) => {
    const file = resolve(ROOT, module);
    const patched = patchSource(file, readFileSync(file, 'utf8'));
    expect(patched).not.toBeNull();
    const code = patched ?? '';
    for (const p of SAFE_DEPS_PATCHES.filter((x) => x.module === module)) expect(code).toContain(p.replace);
    expect(code).not.toMatch(/\.innerHTML\s*=\s*[^"'\s]/);
    expect(code).not.toMatch(/=\s*Function\s*;|new Function\s*\(/);
  });

  it('leaves other modules alone', () => {
    expect(patchSource('/x/node_modules/dexie/dist/dexie.mjs', 'a.innerHTML = b;')).toBeNull();
  });

  it('fails the build, naming the patch, when the text it replaces has changed', () => {
    expect(() => patchSource('/x/node_modules/preact/dist/preact.module.js', 'u.innerHTML=x.__html')).toThrow(
      /Preact's dangerouslySetInnerHTML is set as text.*found 0/,
    );
  });

  it("zod's code generators refuse at run time", () => {
    const code = patchSource('/x/node_modules/zod/v4/core/doc.js', 'const F = Function;\nreturn () => new F("return 1");');
    const make = new Function(code ?? '') as () => () => unknown;
    expect(() => make()()).toThrow(/do not generate code/);
  });
});
