import { IngestJobEntity, IngestJobRejectEntity } from '../../db/ingest/job.entity.js';
import { IngestWriteSeqEntity } from '../../db/ingest/write-turn.js';
import { RecordVersionEntity } from '../../db/ingest/record-version.entity.js';
import type { PlatformComponent } from '../hub-module.js';
import { INGEST_TYPES } from './ingest.type.js';

/**
 * The write side's tables and result types. Its resolver is built from the
 * modules' contracts when the schema is assembled (src/server/schema.ts).
 */
export const ingestComponent: PlatformComponent = {
  name: 'ingest',
  entities: [RecordVersionEntity, IngestJobEntity, IngestJobRejectEntity, IngestWriteSeqEntity],
  resolvers: [],
  types: INGEST_TYPES,
};

export { ingestResolver } from './ingest.resolver.js';
