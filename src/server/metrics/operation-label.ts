/** Names of operations the hub knows: the example operations and registered trusted documents. */
export interface OperationNames {
  has(name: string): boolean;
}

export class KnownOperationNames implements OperationNames {
  private readonly names = new Set<string>();

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.add(name);
  }

  add(name: string): void {
    this.names.add(name);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }
}

/**
 * The `operation` label. A client chooses its operation names, so an unknown name
 * could carry anything (a USCC, a person's name) and every new one would be a new
 * series: only names of known operations are used as they are; every other named
 * operation is `(unregistered)`, an unnamed one `(anonymous)`.
 */
export function operationLabel(name: string | null | undefined, known: OperationNames): string {
  if (name === null || name === undefined || name === '') return '(anonymous)';
  return known.has(name) ? name : '(unregistered)';
}
