import type { SqlEntityManager } from '@mikro-orm/sql';
import type { PlatformComponent } from '../../server/hub-module.js';
import type { Grant, GrantLoader } from '../access-control.js';
import type { Purpose } from '../purpose.js';
import { SharingAgreementEntity } from './agreement.entity.js';
import { SharingAgreementStatus } from './agreement.enums.js';
import { SharingAgreementResolver } from './agreement.resolver.js';

export { SharingAgreementEntity } from './agreement.entity.js';
export { SharingAgreementStatus, type StoredAgreementStatus } from './agreement.enums.js';
export { AgreementError } from './agreement.errors.js';
export {
  apply,
  approve,
  reject,
  revoke,
  list,
  createAgreementRecord,
  createApprovedAgreement,
  effectiveStatus,
  type AgreementFilter,
  type AgreementRecordInput,
  type ApprovedAgreementInput,
} from './agreement.service.js';
export { SharingAgreement } from './agreement.type.js';
export { GrantCache } from './grant-cache.js';

export const agreementsComponent: PlatformComponent = {
  name: 'agreements',
  entities: [SharingAgreementEntity],
  resolvers: [SharingAgreementResolver],
  types: ['SharingAgreement', 'SharingAgreementConnection', 'SharingAgreementEdge'],
};

/**
 * Active agreements of an organisation, in one statement. The window is checked
 * against the database clock on every call, so a revocation or an expiry holds
 * from the very next request; nothing here is cached.
 */
export const grantLoader =
  (em: SqlEntityManager): GrantLoader =>
  async (organisation) => {
    const table = em.getMetadata().get(SharingAgreementEntity).tableName;
    const rows = await em.execute<{ id: string; resource: string; purposes: Purpose[] }[]>(
      `select id, resource, purposes from "${table}" ` +
        'where consumer_org = ? and status = ? and valid_from <= now() and now() < valid_to',
      [organisation, SharingAgreementStatus.APPROVED],
    );
    return rows.map(
      (row): Grant => ({ agreementId: row.id, resource: row.resource, purposes: row.purposes }),
    );
  };
