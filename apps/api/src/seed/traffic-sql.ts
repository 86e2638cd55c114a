import type { Client } from 'pg';

/** Postgres accepts at most 65,535 bind parameters per statement; stay well below it. */
const MAX_PARAMS = 20_000;

/**
 * Multi-row INSERT in as few statements as the parameter limit allows (one round trip per ~20k values instead of one
 * per row). Values go through node-postgres as usual: Date → timestamptz, string[] → text[]; pass jsonb as a JSON
 * string, since node-postgres would turn a JS array into a Postgres array.
 */
export async function insertRows(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) {
        throw new Error(`insertRows(${table}): row has ${row.length} values for ${columns.length} columns`);
      }
      const slots = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
