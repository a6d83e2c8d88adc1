import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Transform } from 'node:stream'
import type { DatabaseHandle } from './db/client.js'
import {
  createBatch,
  getBatch,
  ingestBatch,
  listRejections,
  parseCsvBatches,
  parseJsonl,
} from './modules/registry/index.js'

const say = (message: string) => process.stderr.write(`${message}\n`)

/** `jumys ingest FILE --channel CODE`: streams a daily file into the registry with a progress line. */
export async function ingestFile(
  database: DatabaseHandle,
  file: string,
  options: { channel: string; format?: string | undefined; rejections?: string | undefined },
): Promise<number> {
  const format = options.format ?? (file.endsWith('.jsonl') || file.endsWith('.ndjson') ? 'jsonl' : 'csv')
  if (format !== 'csv' && format !== 'jsonl') throw new Error(`--format must be csv or jsonl, got ${format}`)
  const size = (await stat(file)).size
  const batch = await createBatch(database.db, {
    channelCode: options.channel,
    format,
    fileName: file.split('/').pop() ?? file,
    submittedBy: null,
  })
  say(`batch ${batch.id}: ${file} (${(size / 1024 ** 2).toFixed(1)} MiB) for channel ${options.channel}`)

  let bytes = 0
  const counted = createReadStream(file).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length
        done(null, chunk)
      },
    }),
  )
  const started = performance.now()
  const progress = (rows: number) => {
    const seconds = (performance.now() - started) / 1000
    const rate = rows / Math.max(seconds, 0.001)
    const share = size === 0 ? 1 : bytes / size
    const eta = share > 0 ? seconds / share - seconds : 0
    const width = 30
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.')
    process.stderr.write(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ETA ${eta.toFixed(0)} s   `,
    )
  }
  try {
    const rows = format === 'csv' ? parseCsvBatches(counted) : parseJsonl(counted)
    const done = await ingestBatch(database, batch.id, rows, {
      onProgress: progress,
      onMerged: (timings) => say(`\nmerge steps (ms): ${JSON.stringify(timings)}`),
    })
    const seconds = (performance.now() - started) / 1000
    const c = done.batch.counts
    say(`\napplying done in ${seconds.toFixed(1)} s (${Math.round(c.received / seconds).toLocaleString('en')} rows/s)`)
    say(
      `received ${c.received} = applied ${c.applied} + superseded ${c.superseded} + duplicate ${c.duplicate} + rejected ${c.rejected}`,
    )
    if (options.rejections !== undefined && c.rejected > 0) {
      const out = createWriteStream(options.rejections)
      out.write('line,reason\n')
      for (const r of await listRejections(database.db, batch.id))
        out.write(`${r.line},"${r.reason.replaceAll('"', '""')}"\n`)
      await new Promise((resolve) => out.end(resolve))
      say(`rejected rows with their reasons: ${options.rejections}`)
    }
    return 0
  } catch (error) {
    const failed = await getBatch(database.db, batch.id)
    say(`\nbatch ${batch.id} ${failed.state}: ${(error as Error).message}; nothing from it was applied`)
    return 1
  }
}
