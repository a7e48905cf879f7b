import { registerEnumType } from 'type-graphql';

/** Where a sharing agreement (共享协议) stands; EXPIRED is derived from `validTo` and never stored. */
export enum SharingAgreementStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/** Statuses a row can hold: expiry follows from the clock, so storing it could only go stale. */
export type StoredAgreementStatus = Exclude<SharingAgreementStatus, SharingAgreementStatus.EXPIRED>;

export const STORED_AGREEMENT_STATUSES: readonly StoredAgreementStatus[] = [
  SharingAgreementStatus.PENDING,
  SharingAgreementStatus.APPROVED,
  SharingAgreementStatus.REJECTED,
  SharingAgreementStatus.REVOKED,
];

registerEnumType(SharingAgreementStatus, {
  name: 'SharingAgreementStatus',
  valuesConfig: {
    PENDING: { description: 'Applied for; awaiting the owning department’s decision.' },
    APPROVED: { description: 'Approved by the owner; grants reads while inside its validity window.' },
    REJECTED: { description: 'Refused by the owner, with a reason.' },
    REVOKED: { description: 'Withdrawn after approval by the owner or the hub operator, with a reason.' },
    EXPIRED: { description: 'Approved, but its validity window has ended.' },
  },
});
