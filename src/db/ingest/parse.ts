import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import split2 from 'split2';

/** One input record with its line number, or why the line could not be read as a record. */
export type ParsedItem =
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly error: string };

/** Longest NDJSON line accepted; a longer one stops the job rather than filling memory. */
const MAX_LINE = 1024 * 1024;

/**
 * What an object-mode stream holds each time it has something: the first value
 * awaited, then everything already buffered taken at once with `read()`. A parser
 * pushes all the lines of an input buffer in one go, so a batch is hundreds of
 * lines for one await, not one promise (and async-generator step) per line.
 */
async function* drained<T>(stream: Readable): AsyncGenerator<T[]> {
  for await (const first of stream as AsyncIterable<T>) {
    const batch: T[] = [first];
    for (let next = stream.read() as T | null; next !== null; next = stream.read() as T | null)
      batch.push(next);
    yield batch;
  }
}

/** NDJSON: one JSON object per line; blank lines are skipped but counted. Yields the items in batches. */
export async function* ndjsonItems(source: Readable): AsyncGenerator<ParsedItem[]> {
  const lines = split2({ maxLength: MAX_LINE });
  source.on('error', (err) => lines.destroy(err));
  source.pipe(lines);
  let line = 0;
  for await (const texts of drained<string>(lines)) {
    const items: ParsedItem[] = [];
    for (const text of texts) {
      line++;
      if (text.trim() === '') continue;
      try {
        items.push({ line, value: JSON.parse(text) as unknown });
      } catch {
        items.push({ line, error: 'the line is not valid JSON' });
      }
    }
    if (items.length > 0) yield items;
  }
}

/**
 * CSV with a header row naming the contract's fields. A row the parser cannot read
 * (bad quoting, wrong number of columns) is reported with its line and skipped.
 * Yields the items in batches.
 */
export async function* csvItems(source: Readable): AsyncGenerator<ParsedItem[]> {
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    max_record_size: MAX_LINE,
  });
  let skipped: ParsedItem[] = [];
  parser.on('skip', (err: Error & { lines?: number }) =>
    skipped.push({ line: err.lines ?? 0, error: `CSV: ${err.message}`.slice(0, 300) }),
  );
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  type Row = { record: unknown; info: { lines: number } };
  for await (const first of parser as AsyncIterable<Row>) {
    // Everything buffered at once; rows skipped by the time a row is read come before it, as before.
    const items: ParsedItem[] = [];
    for (let row = first as Row | null; row !== null; row = parser.read() as Row | null) {
      if (skipped.length > 0) {
        items.push(...skipped);
        skipped = [];
      }
      items.push({ line: row.info.lines, value: row.record });
    }
    yield items;
  }
  if (skipped.length > 0) yield skipped;
}
