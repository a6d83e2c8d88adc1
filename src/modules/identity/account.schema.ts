import { type Static, Type } from '@sinclair/typebox'

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()])

export const Account = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  role: Type.Union([
    Type.Literal('citizen'),
    Type.Literal('employer'),
    Type.Literal('officer'),
    Type.Literal('manager'),
    Type.Literal('analyst'),
    Type.Literal('channel'),
    Type.Literal('admin'),
  ]),
  displayName: Type.String(),
  regionCode: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  iin: Nullable(Type.String()),
  bin: Nullable(Type.String()),
  /** For channel staff: the channel they act for (its allowed statuses shape their forms). */
  channelCode: Nullable(Type.String()),
})
export type Account = Static<typeof Account>

export const LoginBody = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
})

export const DataAccessEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actorLogin: Type.String(),
  actorRole: Type.String(),
  action: Type.String(),
  purpose: Nullable(Type.String()),
})
