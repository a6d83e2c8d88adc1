import { type Static, Type } from '@sinclair/typebox'
import { SearchQuery } from './search.schema.js'

const L = Type.Literal

/**
 * The search API's own parameters (GET /api/vacancies), validated by its schema; paging and sort belong to a
 * result page, not to a search. Unknown keys are refused: a misspelt filter would silently match everything.
 */
export const SavedSearchParams = Type.Omit(SearchQuery, ['page', 'page_size', 'sort'], { additionalProperties: false })
export type SavedSearchParams = Static<typeof SavedSearchParams>

export const AlertFrequency = Type.Union([L('instant'), L('daily')], {
  description: 'instant: checked every minute; daily: one digest a day (after midnight, Almaty time)',
})

export const NewSavedSearch = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  params: SavedSearchParams,
  frequency: AlertFrequency,
})
export type NewSavedSearch = Static<typeof NewSavedSearch>

export const SavedSearch = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  params: SavedSearchParams,
  frequency: AlertFrequency,
  createdAt: Type.String({ format: 'date-time' }),
  checkedUntil: Type.String({ format: 'date-time', description: 'vacancies published before this were considered' }),
})
export type SavedSearch = Static<typeof SavedSearch>

export const NotificationKind = Type.Union([L('saved_search.match'), L('application.moved')])

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: NotificationKind,
  payload: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'saved_search.match: {savedSearchId, savedSearchName, vacancies: [{id, title, employerName, wageMin, wageMax}]}; application.moved: {applicationId, vacancyId, vacancyTitle, employerName, state, reason}',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type Notification = Static<typeof Notification>

export const NotificationList = Type.Object({
  unread: Type.Integer({ description: 'all my unread notifications' }),
  items: Type.Array(Notification),
})
export type NotificationList = Static<typeof NotificationList>

export const NotificationQuery = Type.Object({
  unread_only: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
})

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) })
