import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export interface ExampleOperation {
  readonly file: string;
  readonly name: string;
  readonly document: string;
  readonly variables: Record<string, unknown>;
}

/** The project root: the nearest folder above this file holding package.json (src/ or dist/src/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the hub sources');
    dir = up;
  }
  return dir;
}

/** The example operations of queries/ with their variables (queries/variables.json). */
export function exampleOperations(root = projectRoot()): ExampleOperation[] {
  const folder = join(root, 'queries');
  const variables = JSON.parse(readFileSync(join(folder, 'variables.json'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = readFileSync(join(folder, file), 'utf8');
      const operation = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return { file, name: operation?.name?.value ?? file, document, variables: variables[file] ?? {} };
    });
}
