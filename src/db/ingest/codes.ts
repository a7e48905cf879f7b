import { registerEnumType } from 'type-graphql';

/** Why a record of a batch was not stored; each names the rule it broke in its message. */
export enum RejectionCode {
  /** Not a USCC of 18 characters with both check characters right (GB 32100 / GB 11714). */
  INVALID_USCC = 'INVALID_USCC',
  /** A value breaks its field's rule: type, enum, range, decimals, length, date, characters. */
  INVALID_VALUE = 'INVALID_VALUE',
  /** A required field is absent, null or blank. */
  MISSING_FIELD = 'MISSING_FIELD',
  /** A field the contract does not have (a typo would otherwise be dropped silently). */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** The record is not a JSON object / CSV row the contract can read. */
  MALFORMED_RECORD = 'MALFORMED_RECORD',
  /** The USCC is not registered and the same batch does not register it. */
  UNKNOWN_ENTERPRISE = 'UNKNOWN_ENTERPRISE',
  /** asOf is older than the stored version (or than its withdrawal). */
  STALE_VERSION = 'STALE_VERSION',
  /** Same asOf as the stored version but different content: send it with a newer asOf. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** A record with the same natural key appeared earlier in the batch. */
  DUPLICATE_IN_BATCH = 'DUPLICATE_IN_BATCH',
}

registerEnumType(RejectionCode, {
  name: 'IngestRejectionCode',
  description: 'Why a pushed record was rejected.',
});
