import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { HUB } from '../../hub.js';
import { buildHubSchema } from '../schema.js';

/** Writes schema/schema.graphql from the code; with --check, fails if the committed file differs. */
const file = 'schema/schema.graphql';
const schema = await buildHubSchema(HUB);
const text = `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== text) {
    process.stderr.write(
      `${file} is out of date with the code: run npm run schema:emit and commit the result\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${file} matches the code\n`);
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
