import type { SqlEntityManager } from '@mikro-orm/sql';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { ApiKeyEntity } from '../../auth/api-keys/index.js';
import { appendGovernanceWrite, type GovernanceActor } from '../../audit/access-log.append.js';
import { PrincipalKind } from '../../auth/principal.js';
import { BadInputError, ErrorCode, HubError } from '../../common/errors.js';
import { checkOrganisation, checkText, checkUuid, inputError, quote } from '../../common/input.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import { toTrustedDocument, type TrustedDocument } from './trusted-document.type.js';
import { sha256Hex } from './trusted-documents.js';

export interface RegisterDocumentsFields {
  readonly organisation: string;
  readonly apiKeyId?: string | null;
  readonly documents: readonly string[];
}

const MAX_DOCUMENTS = 200;
const MAX_DOCUMENT_CHARS = 100_000;

/** Parses and validates one document; returns its operation name (the first operation's). */
function checkDocument(schema: GraphQLSchema, value: unknown, index: number): { text: string; name: string | null } {
  // The input layer first: NUL, controls other than tab/newline and overlong text are refused
  // before the parser sees them, with the same rules and codes as every other argument.
  const text = checkText('documents', value, { max: MAX_DOCUMENT_CHARS, multiline: true, trim: false });
  let document;
  try {
    document = parse(text);
  } catch (err) {
    throw inputError('documents', 'format', `documents[${index}] does not parse: ${quote((err as Error).message, 200)}`);
  }
  const errors = validate(schema, document);
  if (errors.length > 0) {
    throw inputError(
      'documents',
      'format',
      `documents[${index}] is not valid against the schema: ${quote(errors[0]!.message, 200)}`,
    );
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return { text, name: operation?.name?.value ?? null };
}

async function checkApiKey(em: SqlEntityManager, apiKeyId: string, organisation: string): Promise<void> {
  const key = await em.findOne(ApiKeyEntity, { id: apiKeyId });
  if (!key || key.organisation !== organisation) {
    throw new BadInputError(`apiKeyId is not an API key of organisation ${organisation}`, {
      argument: 'apiKeyId',
      rule: 'reference',
    });
  }
}

const cliActor = (operator: string): GovernanceActor => ({
  principal: { id: operator, organisation: 'HUB_CLI', kind: PrincipalKind.ADMIN },
  requestId: 'cli',
});

/**
 * Stores documents as trusted for one client (organisation, optionally one API key),
 * after checking each against the schema. Used by the ADMIN mutation and the CLI.
 * The registration is a governance write: it is on the access log, in the same transaction.
 */
export async function registerDocuments(
  em: SqlEntityManager,
  schema: GraphQLSchema,
  input: RegisterDocumentsFields,
  admin: string,
  actor: GovernanceActor = cliActor(admin),
): Promise<TrustedDocument[]> {
    const organisation = checkOrganisation('organisation', input.organisation);
    const apiKeyId =
      input.apiKeyId === null || input.apiKeyId === undefined ? null : checkUuid('apiKeyId', input.apiKeyId);
    if (input.documents.length === 0 || input.documents.length > MAX_DOCUMENTS) {
      throw inputError('documents', 'maxItems', `documents must hold 1 to ${MAX_DOCUMENTS} operations`);
    }
    if (apiKeyId) await checkApiKey(em, apiKeyId, organisation);
    const checked = input.documents.map((value, i) => {
      const { text, name } = checkDocument(schema, value, i);
      return { text, hash: sha256Hex(text), operationName: name };
    });
    return em.transactional(async (tx) => {
      const out: TrustedDocument[] = [];
      for (const doc of checked) {
        const existing = await tx.findOne(TrustedDocumentEntity, { hash: doc.hash });
        if (existing) {
          if (existing.organisation !== organisation || existing.apiKeyId !== apiKeyId) {
            throw new HubError(
              ErrorCode.CONFLICT,
              `document ${doc.operationName ?? doc.hash.slice(0, 12)} is already registered for another client`,
              { documentId: `sha256:${doc.hash}` },
            );
          }
          out.push(toTrustedDocument(existing));
          continue;
        }
        const row = tx.create(TrustedDocumentEntity, {
          hash: doc.hash,
          document: doc.text,
          operationName: doc.operationName,
          organisation,
          apiKeyId,
          registeredBy: admin,
          registeredAt: new Date(),
        });
        out.push(toTrustedDocument(row));
      }
      await tx.flush();
      await appendGovernanceWrite(tx, actor, {
        action: 'TRUSTED_DOCUMENTS_REGISTERED',
        targetType: 'TrustedDocument',
        targetId: organisation,
        reason: null,
        details: {
          organisation,
          apiKeyId,
          documentIds: out.map((d) => d.documentId),
        },
      });
      return out;
    });
}
