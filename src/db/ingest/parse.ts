import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import split2 from 'split2';

/** One input record with its line number, or why the line could not be read as a record. */
export type ParsedItem =
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly error: string };

/** Longest NDJSON line accepted; a longer one stops the job rather than filling memory. */
const MAX_LINE = 1024 * 1024;

/** NDJSON: one JSON object per line; blank lines are skipped but counted. */
export async function* ndjsonItems(source: Readable): AsyncGenerator<ParsedItem> {
  const lines = split2({ maxLength: MAX_LINE });
  source.on('error', (err) => lines.destroy(err));
  source.pipe(lines);
  let line = 0;
  for await (const text of lines as AsyncIterable<string>) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch {
      yield { line, error: 'the line is not valid JSON' };
    }
  }
}

/**
 * CSV with a header row naming the contract's fields. A row the parser cannot read
 * (bad quoting, wrong number of columns) is reported with its line and skipped.
 */
export async function* csvItems(source: Readable): AsyncGenerator<ParsedItem> {
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    max_record_size: MAX_LINE,
  });
  const skipped: ParsedItem[] = [];
  parser.on('skip', (err: Error & { lines?: number }) =>
    skipped.push({ line: err.lines ?? 0, error: `CSV: ${err.message}`.slice(0, 300) }),
  );
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{
    record: unknown;
    info: { lines: number };
  }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    yield { line: info.lines, value: record };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
