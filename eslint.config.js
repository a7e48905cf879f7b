import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/*
 * Import boundaries (README "Layout"): machinery, modules, demo data.
 *
 * - A department module (src/modules/<m>/) imports src/common, the machinery's public
 *   entry points (src/auth/index.ts, src/audit/index.ts, src/config/index.ts,
 *   src/db/index.ts, src/server/index.ts and the module contract src/server/hub-module.ts)
 *   and other modules' index.ts, never their other files.
 * - Machinery (src/auth, src/audit, src/common, src/config, src/db, src/server) never
 *   imports a module: the composition root src/hub.ts hands it the module list.
 * - Only entry points (ENTRY_POINTS) import src/hub.ts; nothing else under src/ does.
 * - Nothing under src/ imports seeds/ (demo data) or scripts/.
 */
const MACHINERY = ['auth', 'audit', 'common', 'config', 'db', 'server'];
const MODULES = readdirSync('src/modules', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const MODULE_ENTRIES = {
  auth: ['index.ts'],
  audit: ['index.ts'],
  config: ['index.ts'],
  db: ['index.ts'],
  server: ['index.ts', 'hub-module.ts'],
};
// Processes' entry points: composition roots, which put the hub (src/hub.ts) together with machinery.
const ENTRY_POINTS = ['src/main.ts', 'src/mikro-orm.config.ts', 'src/**/cli/*.ts', 'src/**/*.cli.ts'];
function boundaryZones({ entryPoint = false } = {}) {
  const zones = [
    {
      target: './src',
      from: ['./seeds', './scripts'],
      message: 'Production code never imports demo data (seeds/) or developer scripts.',
    },
    {
      target: MACHINERY.map((m) => `./src/${m}`),
      from: './src/modules',
      message: 'Machinery never imports a module: take the module list (src/hub.ts HUB) as a parameter.',
    },
    ...(entryPoint
      ? []
      : [
          {
            target: ['./src/modules', ...MACHINERY.map((m) => `./src/${m}`)],
            from: './src/hub.ts',
            message:
              'Only entry points import the composition root; machinery and modules are handed what they need.',
          },
        ]),
    ...Object.entries(MODULE_ENTRIES).map(([folder, entries]) => ({
      target: './src/modules',
      from: `./src/${folder}`,
      except: entries.map((e) => `./${e}`),
      message: `A module imports src/${folder} only through its public entry point (${entries.map((e) => `src/${folder}/${e}`).join(', ')}).`,
    })),
    ...MODULES.map((m) => ({
      target: `./src/modules/${m}`,
      from: './src/modules',
      except: [`./${m}`, ...MODULES.filter((o) => o !== m).map((o) => `./${o}/index.ts`)],
      message: `A module imports another module only through that module's index.ts.`,
    })),
  ];
  return ['error', { zones }];
}

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
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports name the emitted `.js`; the sources are `.ts`.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'import-x/no-restricted-paths': boundaryZones() } },
  { files: ENTRY_POINTS, rules: { 'import-x/no-restricted-paths': boundaryZones({ entryPoint: true }) } },
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
