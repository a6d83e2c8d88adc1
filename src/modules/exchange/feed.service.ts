import type { Db } from '../../db/client.js'
import { AppError } from '../../shared/errors.js'
import * as repo from './feed.repository.js'
import type { FeedItem, FeedPage, FeedQuery } from './feed.schema.js'
import { toVacancy } from './vacancy.service.js'

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|(\d{1,18})$/

export const encodeCursor = (p: repo.FeedPosition) => Buffer.from(`${p.at}|${p.id}`).toString('base64url')

export function decodeCursor(cursor: string): repo.FeedPosition {
  const match = POSITION.exec(Buffer.from(cursor, 'base64url').toString())
  if (match === null) {
    throw new AppError('invalid', `cursor ${cursor} is not one this feed issued`, { field: 'cursor' })
  }
  return { at: match[1] as string, id: Number(match[2]) }
}

type Row = Awaited<ReturnType<typeof repo.listChanges>>[number]

function toItem(row: Row, now: Date): FeedItem {
  // Past its window but not yet swept by the expiry job: already gone from search, so gone from the feed too.
  const isGone = row.state !== 'published' || (row.expires_at !== null && new Date(row.expires_at) <= now)
  return {
    id: row.id,
    change: isGone ? 'removed' : row.is_unchanged_since_publication ? 'published' : 'changed',
    state: isGone && row.state === 'published' ? 'expired' : row.state,
    updatedAt: row.updated_at_text,
    vacancy: isGone ? null : toVacancy(row),
  }
}

/**
 * The open-data change stream: every vacancy that was ever public, at its latest change, in (updated_at, id)
 * order, paged by an opaque cursor. A consumer that follows the cursors sees every change that matters to it
 * (intermediate edits of one vacancy collapse into its latest state) and never one twice in a row.
 */
export async function readFeed(db: Db, query: FeedQuery, now = new Date()): Promise<FeedPage> {
  const start: repo.FeedPosition | null =
    query.cursor !== undefined
      ? decodeCursor(query.cursor)
      : query.updated_after !== undefined
        ? { at: new Date(query.updated_after).toISOString(), id: 0 }
        : null
  const horizon = await repo.findHorizon(db)
  const rows = await repo.listChanges(db, start, horizon, query.limit)
  const last = rows.at(-1)
  const position = last === undefined ? start : { at: last.updated_at_text, id: last.id }
  const cursor = position === null ? null : encodeCursor(position)
  return {
    items: rows.map((r) => toItem(r, now)),
    cursor,
    next: cursor === null ? null : `/api/vacancies/feed?cursor=${cursor}&limit=${query.limit}`,
  }
}
