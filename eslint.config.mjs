// ESLint (flat config): typescript-eslint's type-checked rules over src/, test/, bench/, tools/ and scripts/,
// run by `npm test` (`npm run lint`).
//
// TypeScript: the project type-checks and builds with tsc 7 (native, no JavaScript API), while
// typescript-eslint needs the compiler API of TypeScript 4.8–6.0. So package.json installs
// `typescript` as `npm:@typescript/typescript6@6.0.2` (the API, used only by linters) and tsc 7 under
// the name `@typescript/old` (`npm:typescript@7.0.2`): that name is the one the TS 6 shim gives its own
// copy of TypeScript 6, so npm nests that copy and the only `tsc` on node_modules/.bin is version 7.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'coverage/**', 'data/**', 'node_modules/**', 'cards/**', 'manifest/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Off: sanitisers strip control characters on purpose (escaping, log and file-name hygiene).
      'no-control-regex': 'off',
      // Off: `async` without `await` implements promise-returning ports and turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // Off: the linter's checker (TypeScript 6) narrows differently from tsc 7; its autofix removed assertions tsc 7 needs.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Off in tests and benchmarks: they read HTTP bodies, cards and SDK payloads as untyped JSON on purpose;
    // typing each read would add casts, not safety. src/ and tools/ keep these rules.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (scripts/*.mjs, configs): no type information.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
