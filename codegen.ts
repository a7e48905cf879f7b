import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations in queries/ (the same operations
 * the README shows), generated from the committed schema. Tests import them.
 */
export const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['queries/**/*.graphql'],
  ignoreNoDocuments: false,
  // Emit `.js` extensions so the generated files are valid NodeNext ESM.
  // Deprecated for importExtension; switching changes every generated import, so it moves
  // with the next codegen upgrade.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  emitLegacyCommonJSImports: false,
  generates: {
    // The trusted-document manifest of queries/: persisted-documents.json maps each
    // operation's SHA-256 to its printed text; the hub loads it at start-up.
    'trusted-documents/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'gql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { USCC: 'string', LocalDate: 'string', DateTimeISO: 'string' },
      },
    },
  },
};

// graphql-codegen loads this file and reads its default export; the named export above is what the code uses.
// eslint-disable-next-line no-restricted-syntax
export default config;
