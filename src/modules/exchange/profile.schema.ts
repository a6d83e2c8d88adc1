import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { EducationLevel, LanguageRequirement } from './vacancy.schema.js'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const L = Type.Literal

export const ProfileVisibility = Type.Union([L('private'), L('officers'), L('employers')], {
  description:
    'private: only me; officers: also employment-centre staff of my region (each read is audited and shown to me); employers: also the employers of vacancies I apply to (and officers)',
})

const Occupation = Type.String({ pattern: '^\\d{1,4}$', description: 'ISCO-08 code' })

export const EducationEntry = Type.Object({
  level: EducationLevel,
  field: Type.String({ minLength: 1, maxLength: 200, description: 'speciality, e.g. "Электроснабжение"' }),
  institution: Type.String({ minLength: 1, maxLength: 300 }),
  year: Type.Integer({ minimum: 1950, maximum: 2100, description: 'year of graduation (expected, if studying)' }),
})

export const ExperienceEntry = Type.Object({
  occupationCode: Occupation,
  title: Type.String({ minLength: 1, maxLength: 200, description: 'the job title as the employer called it' }),
  employerName: Type.String({ minLength: 1, maxLength: 300 }),
  from: Type.String({ format: 'date' }),
  to: Nullable(Type.String({ format: 'date', description: 'null: the current job' })),
})

const body = {
  education: Type.Array(EducationEntry, { maxItems: 20 }),
  experience: Type.Array(ExperienceEntry, { maxItems: 50 }),
  skills: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 }),
  languages: Type.Array(LanguageRequirement, { maxItems: 3 }),
  desiredOccupations: Type.Array(Occupation, { maxItems: 10 }),
  // minimum 0, not 1: with coerceTypes a 0 failing the integer branch would be coerced to null and pass; the
  // service refuses 0 with a message instead.
  desiredWage: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'monthly, before tax, ₸' })),
  regionCode: Nullable(Type.String({ pattern: '^\\d{2}$', description: 'where I want to work' })),
  districtCode: Nullable(Type.String({ pattern: '^\\d{9}$', description: 'a level-2 KATO unit of regionCode' })),
  willingToRelocate: Type.Boolean(),
  visibility: ProfileVisibility,
}

/** The whole profile is written at once; lists left out are stored empty. Visibility is always chosen. */
export const ProfileInput = Type.Object({
  education: Type.Optional(body.education),
  experience: Type.Optional(body.experience),
  skills: Type.Optional(body.skills),
  languages: Type.Optional(body.languages),
  desiredOccupations: Type.Optional(body.desiredOccupations),
  desiredWage: Type.Optional(body.desiredWage),
  regionCode: Type.Optional(body.regionCode),
  districtCode: Type.Optional(body.districtCode),
  willingToRelocate: Type.Optional(body.willingToRelocate),
  visibility: body.visibility,
})
export type ProfileInput = Static<typeof ProfileInput>

export const Profile = Type.Object({ ...body, updatedAt: Type.String({ format: 'date-time' }) })
export type Profile = Static<typeof Profile>

/** A staff read: the person's name and IIN (staff work with IINs), and the profile. */
export const StaffProfile = Type.Object({ iin: Type.String(), name: Type.String(), profile: Profile })
export type StaffProfile = Static<typeof StaffProfile>

/** An employer's read through an application: the seeker's name, never the IIN. */
export const ApplicantProfile = Type.Object({
  applicationId: Type.Integer(),
  seekerName: Type.String(),
  profile: Profile,
})
export type ApplicantProfile = Static<typeof ApplicantProfile>

export const Purpose = Type.String({
  minLength: 5,
  maxLength: 300,
  description: 'why the profile is read; written to the audit log and shown to the seeker',
})
