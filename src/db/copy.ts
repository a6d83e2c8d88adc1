import { once } from 'node:events'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/** One value in PostgreSQL's COPY text format: \N for null, and the four characters that would break a row escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N'
  const text = String(value)
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string)
    : text
}

/**
 * Streams rows into `COPY table (columns) FROM STDIN` on one client, in ~1 MiB chunks with back-pressure,
 * so any number of rows loads in constant memory.
 */
export async function copyRows<T>(
  client: pg.PoolClient,
  target: string,
  columns: readonly string[],
  rows: Iterable<T> | AsyncIterable<T>,
  toValues: (row: T) => readonly (string | number | boolean | null | undefined)[],
  onProgress?: (count: number) => void,
): Promise<number> {
  async function* singles() {
    for await (const row of rows) yield [row]
  }
  return copyRowBatches(client, target, columns, singles(), toValues, onProgress)
}

/**
 * copyRows for a source that hands rows on in arrays (one per chunk it read): one asynchronous step per array
 * instead of per row, which was most of the Node-side cost of a million-row file (bench/registry.bench.ts).
 */
export async function copyRowBatches<T>(
  client: pg.PoolClient,
  target: string,
  columns: readonly string[],
  batches: Iterable<readonly T[]> | AsyncIterable<readonly T[]>,
  toValues: (row: T) => readonly (string | number | boolean | null | undefined)[],
  onProgress?: (count: number) => void,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target} (${columns.join(', ')}) FROM STDIN`))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve)
    stream.on('error', reject)
  })
  let count = 0
  try {
    let chunk = ''
    for await (const batch of batches) {
      for (const row of batch) {
        chunk += `${toValues(row).map(copyValue).join('\t')}\n`
        count++
      }
      if (chunk.length >= 1 << 20) {
        if (!stream.write(chunk)) await once(stream, 'drain')
        chunk = ''
        onProgress?.(count)
        // Parsing is CPU-bound: let the server answer other requests between chunks.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    stream.end(chunk)
  } catch (error) {
    // The source failed (a malformed file, a closed upload): abort the COPY so the server discards it.
    stream.destroy(error as Error)
    await done.catch(() => {})
    throw error
  }
  await done
  onProgress?.(count)
  return count
}
