import { createReadStream, existsSync } from 'node:fs'
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as channels from './channel.repository.js'
import { parseCsvBatches, parseJsonl } from './event.parser.js'
import { createBatch, ingestBatch, type RegistryDb } from './ingest.service.js'

export interface InboxResult {
  channel: string
  file: string
  batchId?: number
  state: 'done' | 'failed'
  error?: string
}

const isDataFile = (name: string) => /\.(csv|jsonl|ndjson)$/i.test(name)

/**
 * The automatic daily transfer: each channel drops files into `<inbox>/<channel>/`. A file is moved to
 * `processing/` while it loads, then to `done/` or `failed/` (with a `.error.txt` beside it). One file's or one
 * channel's failure never stops the others. A file left in `processing/` by a crash goes back to the inbox:
 * its batch rolled back, so loading it again is the resume.
 */
export async function pickUpInbox(
  database: RegistryDb,
  inboxDir: string,
  log: (m: string) => void = () => {},
): Promise<InboxResult[]> {
  const results: InboxResult[] = []
  for (const channel of await channels.listChannels(database.db)) {
    const dir = path.join(inboxDir, channel.code)
    if (!existsSync(dir)) continue
    try {
      await pickUpChannel(database, channel.code, dir, results, log)
    } catch (error) {
      // A broken folder (permissions, a full disk) is that channel's problem alone.
      log(`inbox ${channel.code}: ${(error as Error).message}`)
      results.push({ channel: channel.code, file: dir, state: 'failed', error: (error as Error).message })
    }
  }
  return results
}

async function pickUpChannel(
  database: RegistryDb,
  channel: string,
  dir: string,
  results: InboxResult[],
  log: (m: string) => void,
) {
  const processing = path.join(dir, 'processing')
  const done = path.join(dir, 'done')
  const failed = path.join(dir, 'failed')
  await Promise.all([processing, done, failed].map((d) => mkdir(d, { recursive: true })))
  for (const left of (await readdir(processing)).filter(isDataFile))
    await rename(path.join(processing, left), path.join(dir, left))

  for (const name of (await readdir(dir)).filter(isDataFile).sort()) {
    const working = path.join(processing, name)
    await rename(path.join(dir, name), working)
    let batchId: number | undefined
    try {
      const format = name.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl'
      const batch = await createBatch(database.db, { channelCode: channel, format, fileName: name, submittedBy: null })
      batchId = batch.id
      const stream = createReadStream(working)
      const loaded = await ingestBatch(
        database,
        batch.id,
        format === 'csv' ? parseCsvBatches(stream) : parseJsonl(stream),
      )
      await rename(working, path.join(done, `${batch.id}-${name}`))
      const c = loaded.batch.counts
      log(
        `inbox ${channel}/${name}: batch ${batch.id}, ${c.received} rows, ${c.applied} applied, ${c.rejected} rejected`,
      )
      results.push({ channel, file: name, batchId: batch.id, state: 'done' })
    } catch (error) {
      const message = (error as Error).message
      const target = path.join(failed, `${batchId ?? 'unread'}-${name}`)
      await rename(working, target)
      await writeFile(`${target}.error.txt`, `${message}\n`)
      log(`inbox ${channel}/${name}: failed: ${message}`)
      results.push({
        channel,
        file: name,
        ...(batchId === undefined ? {} : { batchId }),
        state: 'failed',
        error: message,
      })
    }
  }
}
