/**
 * Synthetic inputs for bench/registry.bench.ts: the initial registry, the daily file (with the outcome each row
 * must get), the bare COPY text of the same valid rows, and the live API calls. Deterministic for a seed.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { ParsedRow } from '../src/modules/registry/index.js'
import { makeIin } from '../src/shared/iin.js'

/** mulberry32: small, fast, good enough to shuffle and draw. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function shuffledIndices(count: number, random: () => number): Uint32Array {
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) out[i] = i
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = out[i] as number
    out[i] = out[j] as number
    out[j] = t
  }
  return out
}

function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = items[i] as T
    items[i] = items[j] as T
    items[j] = t
  }
}

/** The registry as the bench believes it is: per person index, the current status and who holds it. */
export interface Model {
  iins: string[]
  /** Current status per person, undefined = unknown. */
  status: (string | undefined)[]
  /** The channel that set it in the initial registry. */
  holder: (string | undefined)[]
}

export const INITIAL_VALID_FROM = '2025-01-01'
export const initialRef = (iin: string) => `init-${iin}`

export function isoDay(base: string, deltaDays: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + deltaDays * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The initial registry: a share `known` of the people get their generated status, from `pension` when
 * pension data may assert it (so it outranks the daily channel), otherwise from `psc`.
 */
export function planInitialRegistry(
  model: Model,
  hints: readonly string[],
  pensionStatuses: ReadonlySet<string>,
  known: number,
  random: () => number,
): Map<string, number[]> {
  const order = shuffledIndices(model.iins.length, random)
  const count = Math.round(model.iins.length * known)
  const byChannel = new Map<string, number[]>([
    ['pension', []],
    ['psc', []],
  ])
  for (let k = 0; k < count; k++) {
    const p = order[k] as number
    const status = hints[p] as string
    const channel = pensionStatuses.has(status) ? 'pension' : 'psc'
    byChannel.get(channel)?.push(p)
    model.status[p] = status
    model.holder[p] = channel
  }
  return byChannel
}

export function* initialRows(model: Model, people: readonly number[]): Generator<ParsedRow> {
  let line = 1
  for (const p of people) {
    const iin = model.iins[p] as string
    line++
    yield {
      line,
      raw: '',
      input: { iin, status: model.status[p], valid_from: INITIAL_VALID_FROM, source_ref: initialRef(iin) },
    }
  }
}

export interface DailyPlan {
  rows: number
  reconfirmations: number
  changes: number
  /** Changes of a status held by pension data (rank 90–95, fresh): they must lose to precedence. */
  changesOutranked: number
  /** Changes for people with no status yet (unknown → a status). */
  changesOfUnknown: number
  duplicatesInFile: number
  duplicatesOfEarlierFile: number
  invalid: number
  invalidByKind: Record<string, number>
  expected: { received: number; applied: number; superseded: number; duplicate: number; rejected: number }
  /** Valid new rows (to be recorded in history): pre-rendered COPY text for the bare run, ~1 MiB chunks. */
  bareChunks: string[]
  bareRows: number
}

const INVALID_KINDS = [
  'bad IIN checksum',
  'unknown status',
  'future valid_from',
  'impossible date',
  'person not in the register',
  'wrong column count',
  'missing source_ref',
] as const

/**
 * Writes the daily file of one channel (`psc`, which may assert every status) and returns what every row
 * must become. Mix: reconfirmations (same status as current), changes (another status; first for people whose
 * status is held by someone else, then for unknown people), duplicates (a row repeated in the file, or a row of
 * the initial psc file sent again), invalid rows of several kinds. Each valid row is for a distinct person.
 */
export async function writeDailyFile(
  file: string,
  model: Model,
  statuses: readonly string[],
  options: {
    rows: number
    today: string
    channel: string
    batchIdPlaceholder: string
    recordedAt: string
    random: () => number
  },
): Promise<DailyPlan> {
  const { rows, today, channel, random } = options
  const invalid = Math.round(rows * 0.02)
  const duplicates = Math.round(rows * 0.03)
  const duplicatesOfEarlierFile = Math.round(duplicates / 3)
  const duplicatesInFile = duplicates - duplicatesOfEarlierFile
  const changes = Math.round(rows * 0.25)
  const reconfirmations = rows - invalid - duplicates - changes

  const people = shuffledIndices(model.iins.length, random)
  const holders: number[] = []
  const unknown: number[] = []
  for (const p of people) (model.status[p] === undefined ? unknown : holders).push(p)
  if (reconfirmations > holders.length) {
    throw new Error(`${reconfirmations} reconfirmations need as many people with a status; only ${holders.length}`)
  }
  const changeCandidates = [...holders.slice(reconfirmations), ...unknown]
  if (changes > changeCandidates.length) {
    throw new Error(`${changes} changes need distinct people; only ${changeCandidates.length} remain: add --people`)
  }
  const earlierPsc = holders.filter((p) => model.holder[p] === 'psc')
  if (duplicatesOfEarlierFile > earlierPsc.length) throw new Error('too few psc-held people to resend')

  const lines: string[] = []
  const bare: string[] = []
  const validLines: string[] = []
  let ref = 0
  const nextRef = () => `${channel}-${today}-${(++ref).toString(36).padStart(6, '0')}`
  const recentDay = () => isoDay(today, -1 - Math.floor(random() * 60))
  const bareLine = (iin: string, status: string, validFrom: string, sourceRef: string) =>
    `${iin}\t${status}\t${validFrom}\t\\N\t${options.recordedAt}\t${channel}\t${options.batchIdPlaceholder}\t${sourceRef}\tapplied\n`

  let applied = 0
  let superseded = 0
  for (let k = 0; k < reconfirmations; k++) {
    const p = holders[k] as number
    const iin = model.iins[p] as string
    const status = model.status[p] as string
    const validFrom = recentDay()
    const sourceRef = nextRef()
    const line = `${iin},${status},${validFrom},${sourceRef},`
    lines.push(line)
    validLines.push(line)
    bare.push(bareLine(iin, status, validFrom, sourceRef))
    applied++ // a reconfirmation always applies
  }
  let changesOutranked = 0
  let changesOfUnknown = 0
  for (let k = 0; k < changes; k++) {
    const p = changeCandidates[k] as number
    const iin = model.iins[p] as string
    const current = model.status[p]
    let status = statuses[Math.floor(random() * statuses.length)] as string
    while (status === current) status = statuses[Math.floor(random() * statuses.length)] as string
    const validFrom = recentDay()
    const sourceRef = nextRef()
    const line = `${iin},${status},${validFrom},${sourceRef},`
    lines.push(line)
    validLines.push(line)
    bare.push(bareLine(iin, status, validFrom, sourceRef))
    if (current === undefined) changesOfUnknown++
    if (model.holder[p] === 'pension') {
      // pension ranks 90–95 for every status it may assert and its status is fresh: psc (50) loses.
      changesOutranked++
      superseded++
    } else {
      applied++
      model.status[p] = status
      model.holder[p] = channel
    }
  }
  for (let k = 0; k < duplicatesInFile; k++) {
    lines.push(validLines[Math.floor(random() * validLines.length)] as string)
  }
  for (let k = 0; k < duplicatesOfEarlierFile; k++) {
    const p = earlierPsc[earlierPsc.length - 1 - k] as number
    const iin = model.iins[p] as string
    // The initial psc file's row, byte for byte the same content; the person's current status may have moved on.
    lines.push(`${iin},${initialStatus(model, p)},${INITIAL_VALID_FROM},${initialRef(iin)},`)
  }
  const invalidByKind: Record<string, number> = {}
  for (let k = 0; k < invalid; k++) {
    const kind = INVALID_KINDS[k % INVALID_KINDS.length] as (typeof INVALID_KINDS)[number]
    invalidByKind[kind] = (invalidByKind[kind] ?? 0) + 1
    const p = people[Math.floor(random() * people.length)] as number
    const iin = model.iins[p] as string
    const status = statuses[k % statuses.length] as string
    const day = recentDay()
    const sourceRef = nextRef()
    switch (kind) {
      case 'bad IIN checksum':
        lines.push(`${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10},${status},${day},${sourceRef},`)
        break
      case 'unknown status':
        lines.push(`${iin},freelancer,${day},${sourceRef},`)
        break
      case 'future valid_from':
        lines.push(`${iin},${status},${isoDay(today, 30)},${sourceRef},`)
        break
      case 'impossible date':
        lines.push(`${iin},${status},2025-02-30,${sourceRef},`)
        break
      case 'person not in the register': {
        // Born in 1935: outside the generator's 16–80 age window, so never in the population.
        let stranger: string | undefined
        for (let serial = k; stranger === undefined; serial++) {
          stranger = makeIin(isoDay('1935-01-01', k % 365), k % 2 ? 'F' : 'M', serial % 10_000)
        }
        lines.push(`${stranger},${status},${day},${sourceRef},`)
        break
      }
      case 'wrong column count':
        lines.push(`${iin},${status},${day}`)
        break
      case 'missing source_ref':
        lines.push(`${iin},${status},${day},,`)
        break
    }
  }
  // Initial statuses were overwritten in the model by changes; keep the originals for the resend above.
  shuffleInPlace(lines, random)

  const out = createWriteStream(file)
  out.write('iin,status,valid_from,source_ref,valid_to\n')
  let chunk = ''
  for (const line of lines) {
    chunk += `${line}\n`
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')

  const bareChunks: string[] = []
  chunk = ''
  for (const line of bare) {
    chunk += line
    if (chunk.length >= 1 << 20) {
      bareChunks.push(chunk)
      chunk = ''
    }
  }
  if (chunk !== '') bareChunks.push(chunk)

  return {
    rows,
    reconfirmations,
    changes,
    changesOutranked,
    changesOfUnknown,
    duplicatesInFile,
    duplicatesOfEarlierFile,
    invalid,
    invalidByKind,
    expected: { received: rows, applied, superseded, duplicate: duplicates, rejected: invalid },
    bareChunks,
    bareRows: bare.length,
  }
}

/** The status each person got in the initial registry (kept apart from the model, which moves on). */
const initialStatuses = new WeakMap<Model, (string | undefined)[]>()
export function rememberInitialStatuses(model: Model): void {
  initialStatuses.set(model, [...model.status])
}
function initialStatus(model: Model, p: number): string {
  const status = initialStatuses.get(model)?.[p]
  if (status === undefined) throw new Error('rememberInitialStatuses() was not called after the initial registry')
  return status
}

/**
 * Bodies of the live API calls, rendered once: `calls` × `size` events of distinct people (while there are enough),
 * three quarters reconfirmations of the current status and one quarter changes.
 */
export function apiBodies(
  model: Model,
  statuses: readonly string[],
  options: { calls: number; size: number; today: string; random: () => number },
): string[] {
  const { calls, size, today, random } = options
  const holders = [...shuffledIndices(model.iins.length, random)].filter((p) => model.status[p] !== undefined)
  // Distinct people within a call; across calls too when there are enough people (else they wrap around).
  if (holders.length < size) throw new Error(`an API call of ${size} events needs as many people with a status`)
  const bodies: string[] = []
  let n = 0
  for (let c = 0; c < calls; c++) {
    const events: Record<string, string>[] = []
    for (let i = 0; i < size; i++) {
      const p = holders[n++ % holders.length] as number
      let status = model.status[p] as string
      if (random() < 0.25) {
        while (status === model.status[p]) status = statuses[Math.floor(random() * statuses.length)] as string
      }
      events.push({
        iin: model.iins[p] as string,
        status,
        valid_from: isoDay(today, -1 - Math.floor(random() * 30)),
        source_ref: `api-${today}-${c}-${i}`,
      })
    }
    bodies.push(JSON.stringify({ events }))
  }
  return bodies
}
