import { type Static, Type } from '@sinclair/typebox'

export const Region = Type.Object({
  code: Type.String(),
  iso: Type.String(),
  kato: Type.String(),
  type: Type.Union([Type.Literal('region'), Type.Literal('city')]),
  nameKk: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  centerEn: Type.String(),
  centerKk: Type.String(),
  centerRu: Type.String(),
})
export type Region = Static<typeof Region>

export const KatoUnit = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  level: Type.Integer(),
  type: Type.Union([Type.String(), Type.Null()]),
  nameRu: Type.String(),
  nameKk: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
})

export const Occupation = Type.Object({
  code: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  titleEn: Type.String(),
  titleRu: Type.Union([Type.String(), Type.Null()]),
  titleKk: Type.Union([Type.String(), Type.Null()]),
})

export const StatusCategory = Type.Object({
  code: Type.String(),
  group: Type.String(),
  nameKk: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
})

export const Parameter = Type.Object({
  key: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  value: Type.Union([Type.Number(), Type.Null()]),
  valueJson: Type.Unknown(),
  unit: Type.String(),
  isVerified: Type.Boolean({ description: 'false where the legal value is uncertain and must be checked' }),
  source: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
})

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
