import type { PlatformComponent } from '../server/hub-module.js';
import { AccessLogEntity } from './access-log.entity.js';
import { AccessLogResolver } from './access-log.resolver.js';
import { ACCESS_LOG_TYPES } from './access-log.type.js';

export const auditComponent: PlatformComponent = {
  name: 'audit',
  entities: [AccessLogEntity],
  resolvers: [AccessLogResolver],
  types: ACCESS_LOG_TYPES,
};

export {
  ACCESS_LOG_OWNER,
  ACCESS_LOG_RESOURCE,
  AccessRecorder,
  type AccessSummary,
  type Denial,
  type ResourceRead,
} from './access-recorder.js';
export {
  AccessLogEntity,
  type AccessDecisions,
  type GovernanceAction,
  type GovernanceWrite,
} from './access-log.entity.js';
export {
  ACCESS_LOG_LOCK_KEY,
  accessLogColumns,
  appendAccessLog,
  appendAccessLogRecords,
  appendGovernanceWrite,
  type PendingAccessLog,
  type AccessLogEntry,
  type GovernanceActor,
  type GovernanceRecord,
  type AppendedAccessLog,
} from './access-log.append.js';
export {
  GENESIS_HASH,
  accessLogHash,
  canonicalAccessLogRecord,
  canonicalJson,
  sha256Hex,
  type HashedAccessLogFields,
} from './access-log.hash.js';
export {
  checkAnchors,
  formatAnchor,
  governanceWriteCounter,
  parseAnchor,
  verifyChain,
  type ChainAnchor,
  type ChainVerification,
} from './access-log.verify.js';
export { auditOperation, auditPlugin } from './audit.plugin.js';
export { AccessLogAppender, type AppenderOptions } from './access-log.appender.js';
