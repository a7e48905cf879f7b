import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', 'test/gql', 'trusted-documents', 'coverage'] },
  js.configs.recommended,
  // Type-aware: the TypeScript files are linted with the types of tsconfig.json.
  ...tseslint.configs.strictTypeChecked.map((c) => ({ ...c, files: c.files ?? ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Counts, ports and milliseconds in messages are what the messages are for; objects,
      // null and undefined in a template are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void run()` style shorthands stay readable; a void value used as a value is still refused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Crashes (RangeError: maximum call stack size) on type-graphql resolver classes in
      // typescript-eslint 8.73, so it cannot run on this code base.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // The hub's enums are string enums whose values are the strings on the wire and in the
      // database; values read from claims, rows and checked arguments are compared with them
      // (and narrowed to them after a check) by value, on purpose.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      // An `async` function that does not await still turns a throw into a rejected promise,
      // which callers of plugin hooks, loaders and drop() rely on; dropping `async` would not.
      '@typescript-eslint/require-await': 'off',
      // tsconfig has noUncheckedIndexedAccess: every `a[i]` and regex group is `T | undefined`,
      // and `!` is the explicit, greppable statement that an index is in range (`match[1]!`
      // after a successful match, `rows[0]!` of a one-row query). A wrong one still throws.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // `let hub: TestHub` is assigned in beforeAll and still undefined in afterAll when
      // beforeAll failed: `hub?.close()` handles that case, which the declared type hides.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  // Tools that load these files ask for a default export.
  {
    files: [
      '*.config.js',
      'eslint.config.js',
      'jest.config.js',
      'test/global-setup.mjs',
      'test/global-teardown.mjs',
      'src/mikro-orm.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
