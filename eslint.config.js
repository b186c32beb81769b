import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/vendor/**', 'tests/fixtures/**', 'demo/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No HTML parsed from strings and no code built from strings, in anything that ships
    // (Firefox's add-on linter checks the bundles too; scripts/vite/safe-deps.ts patches
    // the dependencies that did).
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'entrypoints/**/*.ts', 'entrypoints/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error',
        { property: 'insertAdjacentHTML', message: 'Build nodes; never parse HTML from strings.' },
        { property: 'setHTMLUnsafe', message: 'Build nodes; never parse HTML from strings.' },
        { object: 'document', property: 'write', message: 'Build nodes; never parse HTML from strings.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build nodes (or set textContent); never assign HTML strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render nodes; never inject HTML strings.' },
      ],
    },
  },
  {
    // lib/ is logic: it never imports UI (components/, entrypoints/, Preact, Floating UI).
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'preact', message: 'lib/ holds no UI: put it in components/ or entrypoints/.' }],
        patterns: [
          { group: ['**/components/**', '**/entrypoints/**'], message: 'lib/ never imports UI code.' },
          { group: ['preact/*', '@floating-ui/*'], message: 'lib/ holds no UI: put it in components/ or entrypoints/.' },
        ],
      }],
    },
  },
  {
    // The page core runs in every frame of every page: no UI code, no schema library. The
    // card, notes, passages, forms and sidebar bridge are the page UI (page-ui.ts), loaded
    // on demand through ui-loader.ts.
    files: [
      'entrypoints/content/index.ts', 'entrypoints/content/app.ts', 'entrypoints/content/session.ts',
      'entrypoints/content/claim.ts', 'entrypoints/content/frame-gate.ts', 'entrypoints/content/ui-loader.ts',
      'entrypoints/content/lazy-card.ts', 'entrypoints/content/ui-triggers.ts', 'entrypoints/content/sidebar-relay.ts',
      'entrypoints/content/keyboard.ts', 'entrypoints/content/notes.ts', 'entrypoints/content/packs.ts',
      'entrypoints/content/site-status.ts', 'entrypoints/content/scope.ts', 'entrypoints/content/revision-watch.ts',
      'entrypoints/content/ui-contract.ts', 'entrypoints/content/gate.ts', 'entrypoints/gate.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'preact', message: 'The page core loads no UI: use the page UI (ui-loader.ts).' },
          { name: 'zod', message: 'The page core carries no schema library.' },
        ],
        patterns: [
          { group: ['**/components/**', 'preact/*', '@floating-ui/*'], message: 'The page core loads no UI: use the page UI (ui-loader.ts).' },
          {
            group: ['./ui', './page-ui', './passages', './track', './corrections', './sidebar-bridge', './passage-ui', './floating-panel', './card/*', '*.tsx'],
            message: 'Part of the page UI, loaded on demand: reach it through ui-loader.ts.',
          },
          { regex: '(lib/anchoring(/index)?|lib/packs/.*|lib/sites/stored|messaging-validation|lib/page/passages)$', message: 'Too heavy for every frame.' },
        ],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'tests/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly', document: 'readonly', window: 'readonly', CSS: 'readonly', globalThis: 'readonly', fetch: 'readonly', AbortController: 'readonly', MutationObserver: 'readonly', structuredClone: 'readonly', TextDecoder: 'readonly' },
    },
  },
);
