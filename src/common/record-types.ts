/**
 * Which GraphQL type a loaded record is, for resolving the SourceRecord
 * interface when a record is reached through it (a risk signal's `record`).
 * Entities are not instances of their GraphQL classes, so the type is noted
 * when the record is loaded.
 */
const typeOf = new WeakMap<object, string>();

export function markRecordType<T extends object>(record: T, typeName: string): T {
  typeOf.set(record, typeName);
  return record;
}

export function recordTypeOf(record: unknown): string | undefined {
  return record !== null && typeof record === 'object' ? typeOf.get(record) : undefined;
}
