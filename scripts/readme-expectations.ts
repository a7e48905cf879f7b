import { readFileSync } from 'node:fs';

/** What bank-xiamen (the README's `$TOKEN`) gets from an example, as queries/expected-as-bank-xiamen.json says. */
export interface ExpectedAnswer {
  readonly errors: number;
  readonly denied: readonly { code: string; reason?: string; resource?: string }[];
}

function expectations(): Record<string, ExpectedAnswer> {
  return JSON.parse(readFileSync('queries/expected-as-bank-xiamen.json', 'utf8')) as Record<
    string,
    ExpectedAnswer
  >;
}

/**
 * The README's sentence under an example: what the quick start's bank-xiamen token gets,
 * and why. test/integration/readme-examples.test.ts checks the file against a seeded hub.
 */
export function expectedAsBankXiamen(file: string): string {
  const expected = expectations()[file];
  if (!expected) throw new Error(`queries/expected-as-bank-xiamen.json has no entry for ${file}`);
  if (expected.errors === 0) {
    return 'As `bank-xiamen` (the `$TOKEN` above, with the demo agreements): `data` and no errors.';
  }
  const denials = expected.denied.map((d) => `\`${d.resource ?? '?'}\` (${d.reason ?? d.code})`).join(', ');
  return (
    `As \`bank-xiamen\` (the \`$TOKEN\` above, with the demo agreements): \`data\`, with ${expected.errors} ` +
    `\`FORBIDDEN\` errors, one per denied field of each enterprise, for ${denials}: those fields are \`null\`, ` +
    'because Xiamen bank holds no approved agreement for those resources and purpose ' +
    '(see [Sharing agreements](#sharing-agreements)); the rest is answered.'
  );
}
