import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import {
  type EducationEntry,
  type ExperienceEntry,
  educationLevels,
  type LanguageCode,
  type LanguageLevel,
  languageLevels,
  type Profile,
  type ProfileInput,
  type ProfileVisibility,
  profileVisibilities,
  useMyProfile,
  useSaveProfile,
} from '../../api/exchange'
import { regionName, useRegions } from '../../api/reference'
import { OccupationPicker } from '../../components/occupation-picker'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'

const languageCodes: readonly LanguageCode[] = ['kk', 'ru', 'en']

/** The form's own state: numbers and lists as typed, turned into the API's shape on save. */
interface Draft {
  visibility: ProfileVisibility
  desiredOccupations: string[]
  desiredWage: string
  regionCode: string
  willingToRelocate: boolean
  skills: string
  languages: Record<LanguageCode, LanguageLevel | ''>
  education: (Omit<EducationEntry, 'year'> & { year: string })[]
  experience: (Omit<ExperienceEntry, 'to'> & { to: string })[]
}

type Problem = 'desiredWage' | 'education' | 'experience'

/** The API's limit on desired occupations (profile.schema.ts). */
const maxOccupations = 10

function toDraft(profile: Profile | null): Draft {
  const languages: Draft['languages'] = { kk: '', ru: '', en: '' }
  for (const item of profile?.languages ?? []) languages[item.lang] = item.level
  return {
    visibility: profile?.visibility ?? 'private',
    desiredOccupations: [...(profile?.desiredOccupations ?? [])],
    desiredWage: profile?.desiredWage ? String(profile.desiredWage) : '',
    regionCode: profile?.regionCode ?? '',
    willingToRelocate: profile?.willingToRelocate ?? false,
    skills: (profile?.skills ?? []).join(', '),
    languages,
    education: (profile?.education ?? []).map((entry) => ({ ...entry, year: String(entry.year) })),
    experience: (profile?.experience ?? []).map((entry) => ({ ...entry, to: entry.to ?? '' })),
  }
}

const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean)

/** The API's profile from the draft, or the fields that cannot be sent as typed. */
function toInput(draft: Draft, keepDistrict: string | null): { input?: ProfileInput; problems: Problem[] } {
  const problems: Problem[] = []
  const wageDigits = draft.desiredWage.replace(/\s/g, '')
  if (wageDigits && !/^\d{1,9}$/.test(wageDigits)) problems.push('desiredWage')
  if (
    draft.education.some(
      (entry) => !entry.field.trim() || !entry.institution.trim() || !/^\d{4}$/.test(entry.year.trim()),
    )
  )
    problems.push('education')
  if (
    draft.experience.some(
      (entry) =>
        !/^\d{1,4}$/.test(entry.occupationCode) || !entry.title.trim() || !entry.employerName.trim() || !entry.from,
    )
  )
    problems.push('experience')
  if (problems.length > 0) return { problems }
  return {
    problems,
    input: {
      visibility: draft.visibility,
      desiredOccupations: draft.desiredOccupations,
      desiredWage: wageDigits ? Number(wageDigits) : null,
      regionCode: draft.regionCode || null,
      // The form does not edit the district; one saved before is kept while the region stays the same.
      districtCode: draft.regionCode && keepDistrict?.startsWith(draft.regionCode) ? keepDistrict : null,
      willingToRelocate: draft.willingToRelocate,
      skills: splitList(draft.skills),
      languages: languageCodes.flatMap((lang) => {
        const level = draft.languages[lang]
        return level ? [{ lang, level }] : []
      }),
      education: draft.education.map((entry) => ({
        ...entry,
        field: entry.field.trim(),
        institution: entry.institution.trim(),
        year: Number(entry.year),
      })),
      experience: draft.experience.map((entry) => ({
        ...entry,
        title: entry.title.trim(),
        employerName: entry.employerName.trim(),
        to: entry.to || null,
      })),
    },
  }
}

export function ProfilePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('exchange.profile.title'))
  const profile = useMyProfile()
  return (
    <div className="profile">
      <PageHeading lead={t('exchange.profile.lead')}>{t('exchange.profile.title')}</PageHeading>
      {profile.isPending ? (
        <LoadingPanel />
      ) : profile.isError ? (
        <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ProfileForm profile={profile.data} />
      )}
    </div>
  )
}

function ProfileForm({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const save = useSaveProfile()
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile))
  const [problems, setProblems] = useState<Problem[]>([])
  const alertRef = useRef<HTMLDivElement>(null)
  const refusedFields = serverFields(save.error)
  // The API names a refused occupation by its place in the list sent (desiredOccupations/2).
  const refusedOccupations = [...refusedFields.keys()].flatMap((field) => {
    const index = /^desiredOccupations\/(\d+)/.exec(field)?.[1]
    const code = index === undefined ? undefined : save.variables?.desiredOccupations?.[Number(index)]
    return code === undefined ? [] : [code]
  })

  useEffect(() => {
    if (problems.length > 0 || save.isError || save.isSuccess) alertRef.current?.focus()
  }, [problems, save.isError, save.isSuccess])

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }))
  const invalid = (field: string) =>
    problems.includes(field as Problem) || [...refusedFields.keys()].some((named) => named.startsWith(field))
  const occupationsRefusal = [...refusedFields].find(([field]) => field.startsWith('desiredOccupations'))?.[1]

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    save.reset()
    const { input, problems: found } = toInput(draft, profile?.districtCode ?? null)
    setProblems(found)
    if (input) save.mutate(input)
  }

  return (
    <form className="form profile__form" onSubmit={submit} noValidate>
      {problems.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={alertRef}>
          <h2 className="notice__title">{t('exchange.profile.fix')}</h2>
          <ul className="notice__list">
            {problems.map((problem) => (
              <li key={problem}>
                <a href={`#profile-${problem}`}>{t(`exchange.profile.problems.${problem}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {save.isError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={alertRef}>
          <h2 className="notice__title">{t('exchange.profile.notSaved')}</h2>
          <p className="notice__message">
            <span className="notice__label">{t('exchange.serverSays')}</span> {save.error.message}
          </p>
        </div>
      )}
      {save.isSuccess && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={alertRef}>
          <p>{t('exchange.profile.saved', { when: formatDateTime(save.data.updatedAt, language) })}</p>
        </div>
      )}
      {profile === null && !save.isSuccess && <p className="notice">{t('exchange.profile.none')}</p>}

      <fieldset className="choice profile__visibility">
        <legend className="field__label">{t('exchange.profile.visibility')}</legend>
        {profileVisibilities.map((option) => (
          <label key={option} className="profile__visibility-option">
            <input
              type="radio"
              name="visibility"
              value={option}
              checked={draft.visibility === option}
              onChange={() => set('visibility', option)}
            />
            <span>
              <strong>{t(`exchange.profile.visibilities.${option}.name`)}</strong>
              <span className="field__hint">{t(`exchange.profile.visibilities.${option}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <h2>{t('exchange.profile.wishes')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="profile-desiredOccupations">
          {t('exchange.profile.desiredOccupations')}
        </label>
        <p className="field__hint" id="profile-desiredOccupations-hint">
          {t('exchange.profile.desiredOccupationsHint', { max: maxOccupations })}
        </p>
        {occupationsRefusal !== undefined && (
          <p className="field__error" id="profile-desiredOccupations-error">
            {occupationsRefusal}
          </p>
        )}
        <OccupationPicker
          multiple
          id="profile-desiredOccupations"
          value={draft.desiredOccupations}
          onChange={(codes) => set('desiredOccupations', codes)}
          max={maxOccupations}
          refused={refusedOccupations}
          invalid={invalid('desiredOccupations')}
          describedBy={
            occupationsRefusal === undefined
              ? 'profile-desiredOccupations-hint'
              : 'profile-desiredOccupations-hint profile-desiredOccupations-error'
          }
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="profile-desiredWage">
          {t('exchange.profile.desiredWage')}
        </label>
        <input
          id="profile-desiredWage"
          className="field__input profile__short"
          inputMode="numeric"
          aria-invalid={invalid('desiredWage')}
          value={draft.desiredWage}
          onChange={(event) => set('desiredWage', event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="profile-regionCode">
          {t('exchange.profile.region')}
        </label>
        <select
          id="profile-regionCode"
          className="field__input field__select"
          aria-invalid={invalid('regionCode')}
          value={draft.regionCode}
          onChange={(event) => set('regionCode', event.target.value)}
        >
          <option value="">{t('exchange.profile.anyRegion')}</option>
          {(regions.data ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {regionName(region, language)}
            </option>
          ))}
        </select>
      </div>
      <label className="choice__option profile__check">
        <input
          type="checkbox"
          checked={draft.willingToRelocate}
          onChange={(event) => set('willingToRelocate', event.target.checked)}
        />
        {t('exchange.profile.relocate')}
      </label>

      <h2>{t('exchange.profile.skillsHeading')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="profile-skills">
          {t('exchange.profile.skills')}
        </label>
        <p className="field__hint" id="profile-skills-hint">
          {t('exchange.profile.skillsHint')}
        </p>
        <textarea
          id="profile-skills"
          className="field__input field__textarea"
          rows={3}
          aria-describedby="profile-skills-hint"
          aria-invalid={invalid('skills')}
          value={draft.skills}
          onChange={(event) => set('skills', event.target.value)}
        />
      </div>
      <fieldset className="profile__languages" aria-invalid={invalid('languages')}>
        <legend className="field__label">{t('exchange.profile.languages')}</legend>
        {languageCodes.map((lang) => (
          <div className="field field--inline" key={lang}>
            <label className="field__label" htmlFor={`profile-lang-${lang}`}>
              {t(`exchange.languageName.${lang}`)}
            </label>
            <select
              id={`profile-lang-${lang}`}
              className="field__input field__select"
              value={draft.languages[lang]}
              onChange={(event) =>
                set('languages', { ...draft.languages, [lang]: event.target.value as LanguageLevel | '' })
              }
            >
              <option value="">{t('exchange.profile.notSpoken')}</option>
              {languageLevels.map((level) => (
                <option key={level} value={level}>
                  {t(`exchange.languageLevel.${level}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <fieldset className="profile__entries" id="profile-education" aria-invalid={invalid('education')}>
        <legend>
          <h2>{t('exchange.profile.education')}</h2>
        </legend>
        {draft.education.map((entry, index) => {
          const update = (patch: Partial<Draft['education'][number]>) =>
            set(
              'education',
              draft.education.map((item, i) => (i === index ? { ...item, ...patch } : item)),
            )
          const prefix = `profile-education-${index}`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
            <div className="profile__entry" key={index}>
              <Labelled id={`${prefix}-level`} label={t('exchange.profile.educationLevel')}>
                <select
                  id={`${prefix}-level`}
                  className="field__input field__select"
                  value={entry.level}
                  onChange={(event) => update({ level: event.target.value as EducationEntry['level'] })}
                >
                  {educationLevels.map((level) => (
                    <option key={level} value={level}>
                      {t(`exchange.education.${level}`)}
                    </option>
                  ))}
                </select>
              </Labelled>
              <TextField
                id={`${prefix}-field`}
                label={t('exchange.profile.field')}
                value={entry.field}
                onChange={(field) => update({ field })}
              />
              <TextField
                id={`${prefix}-institution`}
                label={t('exchange.profile.institution')}
                value={entry.institution}
                onChange={(institution) => update({ institution })}
              />
              <TextField
                id={`${prefix}-year`}
                label={t('exchange.profile.year')}
                value={entry.year}
                onChange={(year) => update({ year })}
                numeric
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  set(
                    'education',
                    draft.education.filter((_, i) => i !== index),
                  )
                }
              >
                {t('exchange.profile.remove')}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            set('education', [...draft.education, { level: 'secondary', field: '', institution: '', year: '' }])
          }
        >
          {t('exchange.profile.addEducation')}
        </button>
      </fieldset>

      <fieldset className="profile__entries" id="profile-experience" aria-invalid={invalid('experience')}>
        <legend>
          <h2>{t('exchange.profile.experience')}</h2>
        </legend>
        <p className="hint">{t('exchange.profile.experienceHint')}</p>
        {draft.experience.map((entry, index) => {
          const update = (patch: Partial<Draft['experience'][number]>) =>
            set(
              'experience',
              draft.experience.map((item, i) => (i === index ? { ...item, ...patch } : item)),
            )
          const prefix = `profile-experience-${index}`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
            <div className="profile__entry" key={index}>
              <TextField
                id={`${prefix}-title`}
                label={t('exchange.profile.jobTitle')}
                value={entry.title}
                onChange={(title) => update({ title })}
              />
              <TextField
                id={`${prefix}-employer`}
                label={t('exchange.profile.employer')}
                value={entry.employerName}
                onChange={(employerName) => update({ employerName })}
              />
              <TextField
                id={`${prefix}-occupation`}
                label={t('exchange.profile.occupationCode')}
                value={entry.occupationCode}
                onChange={(occupationCode) => update({ occupationCode })}
                numeric
              />
              <TextField
                id={`${prefix}-from`}
                label={t('exchange.profile.from')}
                value={entry.from}
                onChange={(from) => update({ from })}
                type="date"
              />
              <TextField
                id={`${prefix}-to`}
                label={t('exchange.profile.to')}
                value={entry.to}
                onChange={(to) => update({ to })}
                type="date"
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  set(
                    'experience',
                    draft.experience.filter((_, i) => i !== index),
                  )
                }
              >
                {t('exchange.profile.remove')}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            set('experience', [
              ...draft.experience,
              { occupationCode: '', title: '', employerName: '', from: '', to: '' },
            ])
          }
        >
          {t('exchange.profile.addExperience')}
        </button>
      </fieldset>

      <div className="form__buttons">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('exchange.saving') : t('exchange.profile.save')}
        </button>
      </div>
    </form>
  )
}

/**
 * The fields the API named in its refusal, each with its reason: a rule names one (`details.field`, e.g.
 * "desiredOccupations/1"), the schema check every wrong one (`details: [{ field: "body/desiredWage", reason }]`).
 */
function serverFields(error: unknown): Map<string, string> {
  const found = new Map<string, string>()
  if (!(error instanceof ApiError)) return found
  const items = Array.isArray(error.details) ? error.details : [error.details]
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('field' in item) || typeof item.field !== 'string') continue
    const reason = 'reason' in item && typeof item.reason === 'string' ? item.reason : error.message
    const field = item.field.replace(/^body\//, '')
    if (!found.has(field)) found.set(field, reason)
  }
  return found
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  )
}

function TextField({
  id,
  label,
  value,
  onChange,
  numeric,
  type = 'text',
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  numeric?: boolean
  type?: 'text' | 'date'
}) {
  return (
    <Labelled id={id} label={label}>
      <input
        id={id}
        className="field__input"
        type={type}
        inputMode={numeric ? 'numeric' : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Labelled>
  )
}
