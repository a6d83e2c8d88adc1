import { type Static, Type } from '@sinclair/typebox'
import { Vacancy, VacancyState } from './vacancy.schema.js'

const L = Type.Literal

export const FeedQuery = Type.Object({
  updated_after: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'changes after this instant; leave out to start from the beginning',
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{1,200}$',
      description: 'the `cursor` of the previous page; wins over updated_after',
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
})
export type FeedQuery = Static<typeof FeedQuery>

export const FeedChange = Type.Union([L('published'), L('changed'), L('removed')], {
  description:
    'published: new since its publication; changed: edited or a position filled; removed: closed, filled or expired (take it down)',
})

export const FeedItem = Type.Object({
  id: Type.Integer(),
  change: FeedChange,
  state: VacancyState,
  updatedAt: Type.String({ description: 'ISO 8601 with microseconds, UTC' }),
  vacancy: Type.Union([Vacancy, Type.Null()], { description: 'the vacancy as now published; null when removed' }),
})
export type FeedItem = Static<typeof FeedItem>

export const FeedPage = Type.Object({
  items: Type.Array(FeedItem, { description: 'ordered by (updatedAt, id); a vacancy appears at its latest change' }),
  cursor: Type.Union([Type.String(), Type.Null()], {
    description:
      'pass as ?cursor= for the next page; on an empty page it is the position asked for, to poll again later; null only when starting from the beginning finds nothing',
  }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'the next page’s URL' }),
})
export type FeedPage = Static<typeof FeedPage>
