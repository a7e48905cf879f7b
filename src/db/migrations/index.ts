import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122045727Initial } from './Migration20261122045727Initial.js';
import { Migration20261122060000RiskTriggers } from './Migration20261122060000RiskTriggers.js';
import { Migration20261122061000RiskDirtyIndex } from './Migration20261122061000RiskDirtyIndex.js';
import { Migration20261122062000RiskProfileRegion } from './Migration20261122062000RiskProfileRegion.js';
import { Migration20261202151046IdempotencyKeys } from './Migration20261202151046IdempotencyKeys.js';
import { Migration20261202153454TrustedDocuments } from './Migration20261202153454TrustedDocuments.js';
import { Migration20261202151219IngestRecordVersion } from './Migration20261202151219IngestRecordVersion.js';
import { Migration20261202152718IngestJobs } from './Migration20261202152718IngestJobs.js';
import { Migration20261202163000AccessLogClaim } from './Migration20261202163000AccessLogClaim.js';
import { Migration20261203084027IngestJobReceiving } from './Migration20261203084027IngestJobReceiving.js';
import { Migration20261203090000Monitoring } from './Migration20261203090000Monitoring.js';
import { Migration20261203093000MonitoringWebhooks } from './Migration20261203093000MonitoringWebhooks.js';
import { Migration20261203140000IngestWriteSeq } from './Migration20261203140000IngestWriteSeq.js';
import { Migration20261203140000RiskProfileFacets } from './Migration20261203140000RiskProfileFacets.js';
import { Migration20261203141000DeclaredDepartments } from './Migration20261203141000DeclaredDepartments.js';
import { Migration20261203180000GrantsFingerprint } from './Migration20261203180000GrantsFingerprint.js';
import { Migration20261203190000GrantsFingerprintPlan } from './Migration20261203190000GrantsFingerprintPlan.js';
import { Migration20261206220000AccessLogBulkAppend } from './Migration20261206220000AccessLogBulkAppend.js';

/**
 * Migrations are listed here rather than discovered from files, so the same list
 * runs from compiled code, from tests and on both PostgreSQL and PGlite.
 * New ones come from `npm run db:migration:create -- <Name>`.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122045727Initial', class: Migration20261122045727Initial },
  { name: 'Migration20261122060000RiskTriggers', class: Migration20261122060000RiskTriggers },
  { name: 'Migration20261122061000RiskDirtyIndex', class: Migration20261122061000RiskDirtyIndex },
  { name: 'Migration20261122062000RiskProfileRegion', class: Migration20261122062000RiskProfileRegion },
  { name: 'Migration20261202151046IdempotencyKeys', class: Migration20261202151046IdempotencyKeys },
  { name: 'Migration20261202153454TrustedDocuments', class: Migration20261202153454TrustedDocuments },
  { name: 'Migration20261202151219IngestRecordVersion', class: Migration20261202151219IngestRecordVersion },
  { name: 'Migration20261202152718IngestJobs', class: Migration20261202152718IngestJobs },
  { name: 'Migration20261202163000AccessLogClaim', class: Migration20261202163000AccessLogClaim },
  { name: 'Migration20261203084027IngestJobReceiving', class: Migration20261203084027IngestJobReceiving },
  { name: 'Migration20261203090000Monitoring', class: Migration20261203090000Monitoring },
  { name: 'Migration20261203093000MonitoringWebhooks', class: Migration20261203093000MonitoringWebhooks },
  { name: 'Migration20261203140000IngestWriteSeq', class: Migration20261203140000IngestWriteSeq },
  { name: 'Migration20261203140000RiskProfileFacets', class: Migration20261203140000RiskProfileFacets },
  { name: 'Migration20261203141000DeclaredDepartments', class: Migration20261203141000DeclaredDepartments },
  { name: 'Migration20261203180000GrantsFingerprint', class: Migration20261203180000GrantsFingerprint },
  {
    name: 'Migration20261203190000GrantsFingerprintPlan',
    class: Migration20261203190000GrantsFingerprintPlan,
  },
  { name: 'Migration20261206220000AccessLogBulkAppend', class: Migration20261206220000AccessLogBulkAppend },
];
