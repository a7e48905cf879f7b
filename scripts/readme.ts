import 'reflect-metadata';
import { expectedAsBankXiamen } from './readme-expectations.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DEMO_AGREEMENTS, type DemoAgreementState } from '../seeds/governance.js';
import { DEMO_PRINCIPALS } from '../seeds/demo-principals.js';
import { hubCatalogResources } from '../src/auth/hub-catalog.js';
import { settingsTable } from '../src/config/describe.js';
import { contractTables } from '../src/db/ingest/describe.js';
import { HUB } from '../src/hub.js';
import {
  DIMENSIONS,
  DIMENSION_MODEL,
  GRADE_BANDS,
  MODEL_VERSION,
  SEVERITY_FACTOR,
} from '../src/modules/risk/risk-model.v1.js';
import { riskDeclarations } from '../src/modules/risk/index.js';

/**
 * Regenerates the README sections that mirror the code: the settings table, the
 * example operations (from queries/) and the data catalog. With --check it fails
 * when the README differs, so the README cannot drift from the code.
 */
// The variables shown with each example; the README test runs the examples with them.
const EXAMPLE_VARIABLES = JSON.parse(readFileSync('queries/variables.json', 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

function examples(): string {
  return readdirSync('queries')
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(`queries/${file}`, 'utf8').trim();
      const vars = EXAMPLE_VARIABLES[file] ?? {};
      const variables = JSON.stringify(vars);
      // variables go in as an object: a JSON-encoded string is refused by the server.
      const body = JSON.stringify({ query: text.replace(/^#.*\n/gm, ''), variables: vars }).replace(
        /'/g,
        "'\\''",
      );
      return [
        `#### \`${file}\``,
        '',
        '```graphql',
        text,
        '```',
        '',
        `Variables: \`${variables}\``,
        '',
        '```sh',
        `curl -s http://127.0.0.1:\${PORT:-4000}/graphql -H 'content-type: application/json' \\`,
        `  -H "authorization: Bearer $TOKEN" -H 'x-purpose: CREDIT_ASSESSMENT' \\`,
        `  --data '${body}'`,
        '```',
        '',
        expectedAsBankXiamen(file),
      ].join('\n');
    })
    .join('\n\n');
}

function catalog(): string {
  const rows = hubCatalogResources(HUB.modules).map((r) => {
    const fields = Object.entries(r.fields)
      .map(
        ([type, specs]) =>
          `${type}: ${specs.map((s) => (typeof s === 'string' ? s : `${s.field}${s.personal ? ' (personal)' : ''}`)).join(', ')}`,
      )
      .join('; ');
    return `| \`${r.code}\` | ${r.owner} | ${r.sharing} | ${r.updateCycle} | ${r.legalBasis} | ${fields} |`;
  });
  return [
    `Modules, in the order they join the hub: ${HUB.modules.map((m) => `\`${m.name}\``).join(', ')}.`,
    '',
    'The data catalog (信息资源目录): every field of the schema belongs to exactly one resource.',
    '',
    '| Resource | Owner | Sharing | Update cycle | Legal basis | Fields |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function riskModel(): string {
  const dims = DIMENSIONS.map(
    (d) =>
      `| ${d} | ${DIMENSION_MODEL[d].base} | ${DIMENSION_MODEL[d].weight} | ${DIMENSION_MODEL[d].description} |`,
  );
  const declared = riskDeclarations(HUB.modules);
  const signals = [...declared.codes].map(
    ([code, { points, cap }]) =>
      `| \`${code}\` | ${Object.entries(points)
        .map(([d, n]) => `${d} ${n > 0 ? '+' : ''}${n}`)
        .join(', ')} | ${cap ?? ''} |`,
  );
  return [
    `Model version \`${MODEL_VERSION}\` (\`src/modules/risk/risk-model.v1.ts\`); each module declares its signal codes' points and caps (\`SignalSource.codes\`) and its departments' staleness (\`HubModule.departments\`), listed here in module order.`,
    '',
    '| Dimension | Base | Weight | Moved by |',
    '| --- | --- | --- | --- |',
    ...dims,
    '',
    `Severity multiplies the points: ${Object.entries(SEVERITY_FACTOR)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')}.`,
    '',
    '| Signal | Points at MEDIUM severity | Caps the score at |',
    '| --- | --- | --- |',
    ...signals,
    '',
    `Grades: ${GRADE_BANDS.map((b) => `${b.grade} ≥ ${b.min}`).join(', ')}.`,
    '',
    `A department's data is stale when its newest record is older than: ${[...declared.staleAfterDays]
      .map(([d, n]) => `${d} ${n === null ? 'never (event-driven)' : `${n} days`}`)
      .join(', ')}.`,
  ].join('\n');
}

/** The demo sharing agreements the seed creates, one row per consumer, state and purposes. */
function demoAgreements(): string {
  const demoName = new Map(Object.entries(DEMO_PRINCIPALS).map(([name, p]) => [p.org, name]));
  const consumers = [...new Set(DEMO_AGREEMENTS.map((a) => a.consumerOrg))];
  const states: DemoAgreementState[] = ['approved', 'pending', 'expired', 'revoked'];
  const rows: string[] = [];
  for (const consumer of consumers) {
    const named = demoName.has(consumer) ? ` (${demoName.get(consumer)})` : '';
    for (const state of states) {
      const groups = new Map<string, string[]>();
      for (const a of DEMO_AGREEMENTS.filter((x) => x.consumerOrg === consumer && x.state === state)) {
        const purposes = a.purposes.join(', ');
        groups.set(purposes, [...(groups.get(purposes) ?? []), `\`${a.resource}\``]);
      }
      for (const [purposes, resources] of groups) {
        rows.push(`| \`${consumer}\`${named} | ${resources.join(', ')} | ${purposes} | ${state} |`);
      }
    }
  }
  return [
    `The demo seeds create ${DEMO_AGREEMENTS.length} agreements (\`seeds/governance.ts\`):`,
    '',
    '| Consumer | Resource | Purposes | State |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function replaceSection(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${name} markers`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

const current = readFileSync('README.md', 'utf8');
let next = replaceSection(current, 'settings-table', settingsTable());
next = replaceSection(next, 'examples', examples());
next = replaceSection(next, 'modules', catalog());
next = replaceSection(next, 'risk-model', riskModel());
next = replaceSection(next, 'demo-agreements', demoAgreements());
next = replaceSection(next, 'ingest-contracts', contractTables(HUB.modules.flatMap((m) => m.ingest ?? [])));
if (process.argv.includes('--check')) {
  if (next !== current) {
    process.stderr.write('README.md is out of date with the code: run npm run docs and commit\n');
    process.exit(1);
  }
  process.stdout.write('README.md matches the code\n');
} else {
  writeFileSync('README.md', next);
  process.stdout.write('updated README.md\n');
}
