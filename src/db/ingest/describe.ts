import { allFields, type FieldRule, type IngestContract } from './contract.js';

const ruleText = (rule: FieldRule): string => {
  switch (rule.kind) {
    case 'text':
      return `text ≤ ${rule.maxLength} characters, no control characters${rule.patternRule ? `, ${rule.patternRule}` : ''}`;
    case 'enum':
      return `one of ${rule.values.join(', ')}`;
    case 'enumArray':
      return `non-empty list of ${rule.values.join(', ')} (CSV: separated by \`|\`)`;
    case 'amount':
      return `decimal ≥ 0, ≤ ${rule.scale} decimals, ≤ ${rule.maxIntegerDigits} integer digits`;
    case 'int':
      return `whole number ${rule.min}–${rule.max}`;
    case 'date':
      return `date YYYY-MM-DD${rule.notFuture ? ', not in the future' : ''}`;
    case 'month':
      return 'month YYYY-MM, not in the future';
    case 'boolean':
      return 'true or false';
    case 'uscc':
      return 'USCC, 18 characters, both check characters (GB 32100, GB 11714)';
    case 'timestamp':
      return 'ISO 8601 date or date-time with zone, not in the future';
  }
};

/** The README's ingestion contracts, one table per record type, from the declarations. */
export function contractTables(contracts: readonly IngestContract[]): string {
  return contracts
    .map((c) => {
      const rows = allFields(c).map(
        (f) =>
          `| \`${f.name}\` | ${f.required ? 'yes' : 'no'} | ${ruleText(f.rule)}${f.personal ? ' (personal data)' : ''} | ${f.description} |`,
      );
      const extra = [
        ...c.rules.map((r) => `Rule: ${r.description}.`),
        `Natural key: ${c.key === 'uscc' ? 'the USCC' : '(department, sourceRecordId)'}. ` +
          `${c.withdrawable ? 'Withdrawable.' : 'Not withdrawable.'}${c.repair ? ' Credit repair: yes.' : ''}`,
      ];
      return [
        `#### \`${c.recordType}\` — owner ${c.owners.join(', ')}`,
        '',
        c.description,
        '',
        '| Field | Required | Rule | Notes |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
        ...extra.map((e) => `${e}  `),
      ].join('\n');
    })
    .join('\n\n');
}
