import type { PlatformComponent } from '../hub-module.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import { TrustedDocumentResolver } from './trusted-document.resolver.js';

export { TrustedDocumentEntity } from './trusted-document.entity.js';
export {
  TrustedDocumentManifest,
  codegenManifest,
  documentId,
  sha256Hex,
  type DocumentOwner,
} from './trusted-documents.js';
export { mayRun, registerTrustedDocuments, type TrustedDocumentGate } from './trusted-documents.gate.js';

export const trustedDocumentsComponent: PlatformComponent = {
  name: 'trusted-documents',
  entities: [TrustedDocumentEntity],
  resolvers: [TrustedDocumentResolver],
  types: ['TrustedDocument'],
};
