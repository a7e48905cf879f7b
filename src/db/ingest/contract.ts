import type { Department } from '../../common/department.js';

/**
 * An ingestion contract: what a department may push for one record type, declared
 * once in the owning module (`<name>.ingest.ts`) and enforced by the same code for
 * the GraphQL mutation, the bulk endpoint and the CLI. Columns are derived from the
 * field names (camelCase → snake_case), so a contract cannot name a column that its
 * entity does not have without the tests noticing.
 */
export type FieldRule =
  | {
      readonly kind: 'text';
      readonly maxLength: number;
      readonly pattern?: RegExp;
      readonly patternRule?: string;
    }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'enumArray'; readonly values: readonly string[] }
  | { readonly kind: 'amount'; readonly scale: number; readonly maxIntegerDigits: number }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'date'; readonly notFuture: boolean }
  | { readonly kind: 'month' }
  /** ISO 8601 date (midnight UTC) or date-time with a zone; never in the future. */
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'uscc' };

export interface IngestField {
  readonly name: string;
  readonly column: string;
  readonly rule: FieldRule;
  readonly required: boolean;
  readonly description: string;
  /** Personal data: masked in the history for anyone but the owner. */
  readonly personal: boolean;
}

/** A rule spanning fields: returns the offending field and a message, or null. */
export interface CrossFieldRule {
  readonly description: string;
  readonly check: (record: Readonly<Record<string, unknown>>, department: Department) => RuleBreach | null;
}

export interface RuleBreach {
  readonly field: string;
  readonly message: string;
  /** Defaults to INVALID_VALUE. */
  readonly code?: string;
}

/** How the owner records a repair decision (信用修复) or an early removal on a record. */
export interface RepairSpec {
  /** Column set to the repair decision's date. */
  readonly dateColumn: string;
  /** Extra columns set on repair, e.g. a removal reason. */
  readonly set?: (kind: 'REPAIRED' | 'PERFORMED') => Readonly<Record<string, string>>;
  /**
   * When the record may be repaired at the earliest (YYYY-MM-DD) given its stored
   * row; null means at any time. Early removal for performance is decided by `allowsPerformed`.
   */
  readonly earliest: (row: Readonly<Record<string, unknown>>) => string | null;
  /** Whether an early removal because the debtor performed applies to this row. */
  readonly allowsPerformed?: (row: Readonly<Record<string, unknown>>) => boolean;
}

export interface IngestContract {
  /** The GraphQL type name of the record, e.g. AdministrativePenalty. */
  readonly recordType: string;
  readonly description: string;
  /** Departments that may write this record type; a row is always stored as the writer's. */
  readonly owners: readonly Department[];
  /** Catalog resource the records are served under (for the access log). */
  readonly resource: string;
  readonly table: string;
  /**
   * How a record is identified: by (department, sourceRecordId), or for the
   * enterprise master record by its USCC (one master record per enterprise).
   */
  readonly key: 'sourceRecordId' | 'uscc';
  /** Fields beyond the provenance (sourceRecordId, asOf) every record carries. */
  readonly fields: readonly IngestField[];
  readonly rules: readonly CrossFieldRule[];
  /** False for the master record: withdrawing an enterprise would cascade to every department's data. */
  readonly withdrawable: boolean;
  readonly repair?: RepairSpec;
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type FieldOptions = {
  readonly optional?: boolean;
  readonly description?: string;
  readonly personal?: boolean;
};

function field(name: string, rule: FieldRule, options: FieldOptions = {}): IngestField {
  return {
    name,
    column: snake(name),
    rule,
    required: !options.optional,
    description: options.description ?? '',
    personal: options.personal ?? false,
  };
}

/** Field builders for contracts; lengths count characters (code points), not bytes. */
export const f = {
  text: (
    name: string,
    maxLength: number,
    options: FieldOptions & { pattern?: RegExp; patternRule?: string } = {},
  ) =>
    field(
      name,
      {
        kind: 'text',
        maxLength,
        ...(options.pattern
          ? { pattern: options.pattern, patternRule: options.patternRule ?? String(options.pattern) }
          : {}),
      },
      options,
    ),
  enum: (name: string, values: Readonly<Record<string, string>>, options: FieldOptions = {}) =>
    field(name, { kind: 'enum', values: Object.values(values) }, options),
  enumArray: (name: string, values: Readonly<Record<string, string>>, options: FieldOptions = {}) =>
    field(name, { kind: 'enumArray', values: Object.values(values) }, options),
  /** Yuan, ≥ 0, at most `scale` decimals (2 unless said) and the column's integer digits. */
  amount: (name: string, options: FieldOptions & { scale?: number; precision?: number } = {}) => {
    const scale = options.scale ?? 2;
    return field(
      name,
      { kind: 'amount', scale, maxIntegerDigits: (options.precision ?? 16) - scale },
      options,
    );
  },
  int: (name: string, min: number, max: number, options: FieldOptions = {}) =>
    field(name, { kind: 'int', min, max }, options),
  /** YYYY-MM-DD; not after today unless `future` (e.g. the end of a validity period). */
  date: (name: string, options: FieldOptions & { future?: boolean } = {}) =>
    field(name, { kind: 'date', notFuture: !options.future }, options),
  month: (name: string, options: FieldOptions = {}) => field(name, { kind: 'month' }, options),
  boolean: (name: string, options: FieldOptions = {}) => field(name, { kind: 'boolean' }, options),
  uscc: (name = 'uscc', options: FieldOptions = {}) => field(name, { kind: 'uscc' }, options),
};

/** Rule: `from` is on or before `to` (both optional; checked when both are given). */
export function ordered(from: string, to: string): CrossFieldRule {
  return {
    description: `${from} is on or before ${to}`,
    check: (r) =>
      typeof r[from] === 'string' && typeof r[to] === 'string' && r[to] < r[from]
        ? { field: to, message: `${to} (${r[to]}) is before ${from} (${r[from]})` }
        : null,
  };
}

export type ContractInput = Omit<IngestContract, 'rules' | 'withdrawable'> & {
  readonly rules?: readonly CrossFieldRule[];
  readonly withdrawable?: boolean;
};

/** A contract with its defaults; every department record is keyed by its USCC field first. */
export function defineContract(input: ContractInput): IngestContract {
  return { rules: [], withdrawable: true, ...input };
}

/** Longest department record id (characters), in every contract and every lifecycle argument. */
export const SOURCE_RECORD_ID_MAX = 64;

/** The provenance every record carries, in the order the README lists it. */
export const PROVENANCE_FIELDS: readonly IngestField[] = [
  field(
    'sourceRecordId',
    { kind: 'text', maxLength: SOURCE_RECORD_ID_MAX },
    {
      description: 'The department’s own id of the record; with the department, its natural key.',
    },
  ),
  {
    name: 'asOf',
    column: 'as_of',
    rule: { kind: 'timestamp' },
    required: true,
    personal: false,
    description:
      'When the fact was true at the source (ISO 8601 date or date-time, not in the future); a newer asOf replaces the stored version.',
  },
];

const fieldLists = new WeakMap<IngestContract, readonly IngestField[]>();

/** Every field of a contract, provenance first: one array per contract, as validation asks for it per record. */
export function allFields(c: IngestContract): readonly IngestField[] {
  let list = fieldLists.get(c);
  if (!list) fieldLists.set(c, (list = Object.freeze([...PROVENANCE_FIELDS, ...c.fields])));
  return list;
}
