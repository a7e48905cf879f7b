import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config/config.js';
import { HUB } from '../../hub.js';
import { migrate } from '../bootstrap.js';
import { withoutManagedTriggers } from '../schema-diff.js';
import { createOrm } from '../orm.js';

/**
 * Writes a migration for the difference between the entities and a database that
 * has every existing migration applied, to src/db/migrations. Runs on an
 * in-memory PGlite so it never touches a real database; list the new class in
 * src/db/migrations/index.ts afterwards.
 */
const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  process.stderr.write('usage: npm run db:migration:create -- <CamelCaseName>\n');
  process.exit(2);
}
const config = loadConfig({ ...process.env, DATABASE_URL: '' });
const orm = await createOrm(HUB, config, { pgliteInMemory: true });
try {
  await migrate(orm);
  const diff = await orm.schema.getUpdateSchemaMigrationSQL({ wrap: false, safe: false });
  const up = withoutManagedTriggers(diff.up).split(/;\n/).filter(Boolean);
  const down = withoutManagedTriggers(diff.down).split(/;\n/).filter(Boolean);
  if (up.length === 0) {
    process.stdout.write('entities match the migrations: nothing to write\n');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const className = `Migration${stamp}${name}`;
    const q = (s: string) => `    this.addSql(${JSON.stringify(s.replace(/;$/, ''))});`;
    const source = `import { Migration } from '@mikro-orm/migrations';

export class ${className} extends Migration {
  override up(): void {
${up.map(q).join('\n')}
  }

  override down(): void {
${down.map(q).join('\n')}
  }
}
`;
    const file = join('src', 'db', 'migrations', `${className}.ts`);
    writeFileSync(file, source);
    process.stdout.write(`wrote ${file}; add ${className} to src/db/migrations/index.ts\n`);
  }
} finally {
  await orm.close(true);
}
