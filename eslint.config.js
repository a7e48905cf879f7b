import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', 'test/gql', 'trusted-documents', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
