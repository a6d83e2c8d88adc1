import { type Static, Type } from '@sinclair/typebox'

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()])
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })

export const Person = Type.Object({
  iin: Type.String(),
  surname: Type.String(),
  givenName: Type.String(),
  patronymic: Nullable(Type.String()),
  birthDate: Nullable(Type.String({ format: 'date' })),
  sex: Nullable(Type.Union([Type.Literal('M'), Type.Literal('F')])),
  regionCode: Type.String(),
  katoCode: Nullable(Type.String()),
})
export type Person = Static<typeof Person>

export const NewPerson = Type.Object({
  iin: Type.String({ description: '12 digits with a valid check digit' }),
  surname: Type.String({ minLength: 1, maxLength: 100 }),
  givenName: Type.String({ minLength: 1, maxLength: 100 }),
  patronymic: Type.Optional(Type.String({ maxLength: 100 })),
  birthDate: Type.Optional(IsoDate),
  sex: Type.Optional(Type.Union([Type.Literal('M'), Type.Literal('F')])),
  regionCode: Type.String({ pattern: '^\\d{2}$' }),
  katoCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
})
export type NewPerson = Static<typeof NewPerson>

export const Purpose = Type.String({
  minLength: 5,
  maxLength: 300,
  description: 'why the record is read; written to the audit log and shown to the citizen',
})
