import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import {
  type EducationLevel,
  type EmploymentType,
  educationLevels,
  employmentTypes,
  fieldErrors,
  type LanguageCode,
  type LanguageLevel,
  languageCodes,
  languageLevels,
  refusedPhrases,
  type Schedule,
  schedules,
  useCloseVacancy,
  useContractorProjects,
  useOwnVacancy,
  usePublishVacancy,
  useSaveVacancy,
  useSetVacancyProject,
  type Vacancy,
  type VacancyInput,
  type VacancyWithChecks,
  type WordingFlag,
} from '../../api/hiring'
import { useRegions } from '../../api/reference'
import { OccupationPicker } from '../../components/occupation-picker'
import { currentLanguage } from '../../i18n'
import { formatDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { sectionPaths } from '../../session/workspaces'
import { ServerSays, VacancyStateBadge } from './hiring-shared'
import { katoOf, noPlace, type Place, PlacePicker } from './place-picker'

interface Draft {
  title: string
  occupationCode: string
  description: string
  educationLevel: EducationLevel
  experienceYears: string
  skills: string
  languages: Record<LanguageCode, LanguageLevel | ''>
  drivingLicence: string
  wageMin: string
  wageMax: string
  employmentType: EmploymentType
  schedule: Schedule
  place: Place
  positions: string
  expiresOn: string
}

const emptyDraft: Draft = {
  title: '',
  occupationCode: '',
  description: '',
  educationLevel: 'none',
  experienceYears: '0',
  skills: '',
  languages: { kk: '', ru: '', en: '' },
  drivingLicence: '',
  wageMin: '',
  wageMax: '',
  employmentType: 'permanent',
  schedule: 'full_day',
  place: noPlace,
  positions: '1',
  expiresOn: '',
}

/** The form's fields in page order, as the API names them; errors are listed in this order. */
const fieldOrder = [
  'title',
  'occupationCode',
  'description',
  'wageMin',
  'wageMax',
  'employmentType',
  'schedule',
  'katoCode',
  'positions',
  'expiresAt',
  'educationLevel',
  'experienceYears',
  'skills',
  'languages',
  'drivingLicence',
] as const
type Field = (typeof fieldOrder)[number]

function draftOf(vacancy: Vacancy): Draft {
  const languages: Draft['languages'] = { kk: '', ru: '', en: '' }
  for (const requirement of vacancy.requirements.languages) languages[requirement.lang] = requirement.level
  const locality = vacancy.katoCode !== vacancy.districtCode && vacancy.districtCode ? vacancy.katoCode : ''
  return {
    title: vacancy.title,
    occupationCode: vacancy.occupationCode,
    description: vacancy.description,
    educationLevel: vacancy.requirements.educationLevel,
    experienceYears: String(vacancy.requirements.experienceYears),
    skills: vacancy.requirements.skills.join('\n'),
    languages,
    drivingLicence: vacancy.requirements.drivingLicence.join(', '),
    wageMin: String(vacancy.wageMin),
    wageMax: String(vacancy.wageMax),
    employmentType: vacancy.employmentType,
    schedule: vacancy.schedule,
    place: { regionCode: vacancy.regionCode, districtCode: vacancy.districtCode ?? '', localityCode: locality },
    positions: String(vacancy.positions),
    expiresOn: vacancy.expiresAt ? vacancy.expiresAt.slice(0, 10) : '',
  }
}

/** A number field as typed: empty stays empty (the API then names it missing), anything else is sent as read. */
function numberOf(text: string, isNew: boolean): number | null | undefined {
  const trimmed = text.replace(/\s+/g, '')
  if (trimmed === '') return isNew ? undefined : null
  return Number(trimmed)
}

function inputOf(draft: Draft, regionKato: string | undefined, isNew: boolean): VacancyInput {
  const list = (text: string, separator: RegExp) =>
    text
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean)
  const input: Record<string, unknown> = {
    title: draft.title.trim(),
    occupationCode: draft.occupationCode,
    description: draft.description,
    requirements: {
      educationLevel: draft.educationLevel,
      experienceYears: numberOf(draft.experienceYears, false) ?? 0,
      skills: list(draft.skills, /[\n,;]/),
      languages: languageCodes.flatMap((lang) => {
        const level = draft.languages[lang]
        return level ? [{ lang, level }] : []
      }),
      drivingLicence: list(draft.drivingLicence, /[\s,;]+/),
    },
    employmentType: draft.employmentType,
    schedule: draft.schedule,
    katoCode: katoOf(draft.place, regionKato),
    // The end of the chosen day in Kazakhstan (UTC+5).
    expiresAt: draft.expiresOn ? `${draft.expiresOn}T23:59:00+05:00` : null,
  }
  for (const name of ['wageMin', 'wageMax', 'positions'] as const) {
    const value = numberOf(draft[name], isNew)
    if (value !== undefined) input[name] = value
  }
  return input as unknown as VacancyInput
}

interface LocationState {
  checks?: Pick<VacancyWithChecks, 'duplicateOf' | 'wordingFlags'>
  saved?: boolean
  /** The new vacancy was saved but the projects API refused to attach it: its reason. */
  projectRefused?: string
}

const projectOf = (choice: string) => (choice === '' ? null : Number(choice))

/** Creates a vacancy (no id in the address) or edits, publishes and closes one of the employer's own. */
export function VacancyFormPage() {
  const params = useParams()
  const id = params.id === undefined ? null : Number(params.id)
  const vacancy = useOwnVacancy(id)
  const { t } = useTranslation()

  if (id !== null && !Number.isInteger(id)) return <ErrorPanel error={new Error(t('hiring.form.badAddress'))} />
  if (id === null) return <VacancyForm key="new" vacancy={null} />
  if (vacancy.isPending) return <LoadingPanel />
  if (vacancy.isError) return <ErrorPanel error={vacancy.error} onRetry={() => void vacancy.refetch()} />
  return <VacancyForm key={id} vacancy={vacancy.data} />
}

function VacancyForm({ vacancy }: { vacancy: Vacancy | null }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const location = useLocation()
  const arrived = (location.state ?? {}) as LocationState
  const title = vacancy ? t('hiring.form.editTitle', { title: vacancy.title }) : t('hiring.form.newTitle')
  useDocumentTitle(title)

  const [draft, setDraft] = useState<Draft>(() => (vacancy ? draftOf(vacancy) : emptyDraft))
  const [checks, setChecks] = useState(arrived.checks ?? null)
  const [notice, setNotice] = useState<'saved' | 'published' | 'closed' | null>(arrived.saved ? 'saved' : null)
  const regions = useRegions()
  const regionKato = regions.data?.find((region) => region.code === draft.place.regionCode)?.kato
  const save = useSaveVacancy()
  const publish = usePublishVacancy()
  const close = useCloseVacancy()
  // The project is the projects module's link, made through its API after the vacancy is saved; the choice lists
  // only the projects this employer is the contractor of.
  const projects = useContractorProjects()
  const linkProject = useSetVacancyProject()
  const [projectChoice, setProjectChoice] = useState(vacancy?.projectId == null ? '' : String(vacancy.projectId))
  const [projectRefused, setProjectRefused] = useState(arrived.projectRefused ?? null)
  const errorRef = useRef<HTMLDivElement>(null)
  const noticeRef = useRef<HTMLDivElement>(null)

  const failure = save.error ?? linkProject.error ?? publish.error ?? close.error
  const problems = fieldErrors(save.error)
  const listed = fieldOrder.filter((field) => problems.has(field))
  const isEditable = vacancy === null || vacancy.state === 'draft' || vacancy.state === 'published'
  const isBusy = save.isPending || linkProject.isPending || publish.isPending || close.isPending
  const projectOptions = projects.data ?? []
  const showsProject = projectOptions.length > 0 || (vacancy?.projectId ?? null) !== null

  useEffect(() => {
    if (failure) errorRef.current?.focus()
  }, [failure])
  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  function update<K extends keyof Draft>(name: K, value: Draft[K]) {
    setDraft((previous) => ({ ...previous, [name]: value }))
  }

  function reset() {
    save.reset()
    linkProject.reset()
    publish.reset()
    close.reset()
    setNotice(null)
    setProjectRefused(null)
  }

  async function saveDraft(): Promise<VacancyWithChecks | null> {
    reset()
    try {
      const saved = await save.mutateAsync({ id: vacancy?.id ?? null, input: inputOf(draft, regionKato, !vacancy) })
      const found = { duplicateOf: saved.duplicateOf, wordingFlags: saved.wordingFlags }
      setChecks(found)
      const from = vacancy?.projectId ?? null
      const to = projectOf(projectChoice)
      let refused: string | undefined
      if (from !== to) {
        try {
          await linkProject.mutateAsync({ vacancyId: saved.id, from, to })
        } catch (error) {
          // An existing vacancy shows the refusal from linkProject.error; a new one carries it to its own page.
          if (vacancy) return null
          refused = error instanceof Error ? error.message : String(error)
        }
      }
      if (!vacancy) {
        navigate(`${sectionPaths.employerVacancies}/${saved.id}`, {
          replace: true,
          state: {
            checks: found,
            saved: true,
            ...(refused !== undefined && { projectRefused: refused }),
          } satisfies LocationState,
        })
      }
      return saved
    } catch {
      return null
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const saved = await saveDraft()
    if (saved && vacancy) setNotice('saved')
  }

  async function saveAndPublish() {
    if (!vacancy) return
    const saved = await saveDraft()
    if (!saved) return
    try {
      const published = await publish.mutateAsync(vacancy.id)
      setChecks({ duplicateOf: published.duplicateOf, wordingFlags: published.wordingFlags })
      setDraft(draftOf(published))
      setNotice('published')
    } catch {
      // Shown from publish.error.
    }
  }

  async function closeVacancy() {
    if (!vacancy) return
    reset()
    try {
      await close.mutateAsync(vacancy.id)
      setNotice('closed')
    } catch {
      // Shown from close.error.
    }
  }

  const fieldProps = (field: Field) => ({
    invalid: problems.has(field),
    describedBy: problems.has(field) ? `vacancy-${field}-error` : undefined,
  })

  return (
    <div className="hiring">
      <p>
        <Link to={sectionPaths.employerVacancies}>{t('hiring.form.back')}</Link>
      </p>
      <PageHeading lead={vacancy ? undefined : t('hiring.form.newLead')}>{title}</PageHeading>
      {vacancy && (
        <dl className="facts facts--grid hiring__facts">
          <div className="facts__row">
            <dt>{t('hiring.form.state')}</dt>
            <dd>
              <VacancyStateBadge state={vacancy.state} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.vacancies.columns.positions')}</dt>
            <dd>{t('hiring.vacancies.filledOf', { filled: vacancy.positionsFilled, total: vacancy.positions })}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.vacancies.columns.expires')}</dt>
            <dd>{vacancy.expiresAt ? formatDate(vacancy.expiresAt, language) : '—'}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.form.number')}</dt>
            <dd>
              {t('hiring.vacancyNumber', { id: vacancy.id })} ·{' '}
              <Link to={`${sectionPaths.candidates}?vacancy=${vacancy.id}`}>{t('hiring.form.toCandidates')}</Link>
            </dd>
          </div>
        </dl>
      )}

      {notice && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          <p className="notice__title">{t(`hiring.form.notice.${notice}`)}</p>
        </div>
      )}

      {failure && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <h2 className="notice__title">
            {failure === save.error
              ? t('hiring.form.saveRefused')
              : failure === linkProject.error
                ? t('hiring.form.projectRefused')
                : failure === publish.error
                  ? t('hiring.form.publishRefused')
                  : t('hiring.form.closeRefused')}
          </h2>
          {listed.length > 0 && (
            <ul className="notice__list">
              {listed.map((field) => (
                <li key={field}>
                  <a href={`#vacancy-${field}`}>{t(`hiring.form.problem.${field}`)}</a>
                </li>
              ))}
            </ul>
          )}
          {failure === publish.error && <WordingList flags={refusedPhrases(publish.error)} />}
          <ServerSays message={failure.message} />
        </div>
      )}

      {projectRefused && !failure && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('hiring.form.projectRefused')}</h2>
          <ServerSays message={projectRefused} />
        </div>
      )}

      {checks && checks.wordingFlags.length > 0 && !(publish.error && failure === publish.error) && (
        <section className="notice notice--warning" aria-labelledby="wording-heading">
          <h2 className="notice__title" id="wording-heading">
            {t('hiring.form.wordingHeading')}
          </h2>
          <p>{t('hiring.form.wordingBody')}</p>
          <WordingList flags={checks.wordingFlags} />
        </section>
      )}
      {checks && checks.duplicateOf.length > 0 && (
        <section className="notice notice--warning" aria-labelledby="duplicates-heading">
          <h2 className="notice__title" id="duplicates-heading">
            {t('hiring.form.duplicatesHeading')}
          </h2>
          <p>{t('hiring.form.duplicatesBody')}</p>
          <ul className="notice__list">
            {checks.duplicateOf.map((duplicate) => (
              <li key={duplicate}>
                <Link to={`${sectionPaths.employerVacancies}/${duplicate}`}>
                  {t('hiring.vacancyNumber', { id: duplicate })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form className="form vacancy-form" onSubmit={submit} noValidate aria-label={title}>
        <fieldset className="vacancy-form__group" disabled={!isEditable || isBusy}>
          <legend>{t('hiring.form.groups.job')}</legend>
          <Field field="title" label={t('hiring.form.title')} problems={problems}>
            <input
              id="vacancy-title"
              className="field__input"
              type="text"
              maxLength={200}
              value={draft.title}
              aria-invalid={problems.has('title')}
              aria-describedby={fieldProps('title').describedBy}
              onChange={(event) => update('title', event.target.value)}
            />
          </Field>
          <Field
            field="occupationCode"
            label={t('hiring.form.occupation')}
            hint={t('hiring.form.occupationHint')}
            problems={problems}
          >
            <OccupationPicker
              id="vacancy-occupationCode"
              value={draft.occupationCode}
              onChange={(code) => update('occupationCode', code)}
              {...fieldProps('occupationCode')}
            />
          </Field>
          <Field
            field="description"
            label={t('hiring.form.description')}
            hint={t('hiring.form.descriptionHint')}
            problems={problems}
          >
            <textarea
              id="vacancy-description"
              className="field__input field__textarea"
              rows={6}
              maxLength={20_000}
              value={draft.description}
              aria-invalid={problems.has('description')}
              aria-describedby={fieldProps('description').describedBy}
              onChange={(event) => update('description', event.target.value)}
            />
          </Field>
        </fieldset>

        <fieldset className="vacancy-form__group" disabled={!isEditable || isBusy}>
          <legend>{t('hiring.form.groups.terms')}</legend>
          <p className="hint">{t('hiring.form.wageHint')}</p>
          <div className="vacancy-form__row">
            <Field field="wageMin" label={t('hiring.form.wageMin')} problems={problems}>
              <input
                id="vacancy-wageMin"
                className="field__input"
                type="text"
                inputMode="numeric"
                value={draft.wageMin}
                aria-invalid={problems.has('wageMin')}
                aria-describedby={fieldProps('wageMin').describedBy}
                onChange={(event) => update('wageMin', event.target.value)}
              />
            </Field>
            <Field field="wageMax" label={t('hiring.form.wageMax')} problems={problems}>
              <input
                id="vacancy-wageMax"
                className="field__input"
                type="text"
                inputMode="numeric"
                value={draft.wageMax}
                aria-invalid={problems.has('wageMax')}
                aria-describedby={fieldProps('wageMax').describedBy}
                onChange={(event) => update('wageMax', event.target.value)}
              />
            </Field>
            <Field field="positions" label={t('hiring.form.positions')} problems={problems}>
              <input
                id="vacancy-positions"
                className="field__input"
                type="text"
                inputMode="numeric"
                value={draft.positions}
                aria-invalid={problems.has('positions')}
                aria-describedby={fieldProps('positions').describedBy}
                onChange={(event) => update('positions', event.target.value)}
              />
            </Field>
          </div>
          <div className="vacancy-form__row">
            <Field field="employmentType" label={t('hiring.form.employmentType')} problems={problems}>
              <select
                id="vacancy-employmentType"
                className="field__input field__select"
                value={draft.employmentType}
                onChange={(event) => update('employmentType', event.target.value as EmploymentType)}
              >
                {employmentTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`hiring.employmentType.${type}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field field="schedule" label={t('hiring.form.schedule')} problems={problems}>
              <select
                id="vacancy-schedule"
                className="field__input field__select"
                value={draft.schedule}
                onChange={(event) => update('schedule', event.target.value as Schedule)}
              >
                {schedules.map((schedule) => (
                  <option key={schedule} value={schedule}>
                    {t(`hiring.schedule.${schedule}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              field="expiresAt"
              label={t('hiring.form.expiresOn')}
              hint={t('hiring.form.expiresHint')}
              problems={problems}
            >
              <input
                id="vacancy-expiresAt"
                className="field__input"
                type="date"
                value={draft.expiresOn}
                aria-invalid={problems.has('expiresAt')}
                aria-describedby={fieldProps('expiresAt').describedBy}
                onChange={(event) => update('expiresOn', event.target.value)}
              />
            </Field>
          </div>
          <PlacePicker
            place={draft.place}
            onChange={(place) => update('place', place)}
            invalid={problems.has('katoCode')}
            describedBy={fieldProps('katoCode').describedBy}
          />
          {problems.has('katoCode') && <FieldError field="katoCode" message={problems.get('katoCode') ?? ''} />}
        </fieldset>

        <fieldset className="vacancy-form__group" disabled={!isEditable || isBusy}>
          <legend>{t('hiring.form.groups.requirements')}</legend>
          <div className="vacancy-form__row">
            <Field field="educationLevel" label={t('hiring.form.educationLevel')} problems={problems}>
              <select
                id="vacancy-educationLevel"
                className="field__input field__select"
                value={draft.educationLevel}
                onChange={(event) => update('educationLevel', event.target.value as EducationLevel)}
              >
                {educationLevels.map((level) => (
                  <option key={level} value={level}>
                    {t(`hiring.education.${level}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field field="experienceYears" label={t('hiring.form.experienceYears')} problems={problems}>
              <input
                id="vacancy-experienceYears"
                className="field__input"
                type="text"
                inputMode="numeric"
                value={draft.experienceYears}
                aria-invalid={problems.has('experienceYears')}
                aria-describedby={fieldProps('experienceYears').describedBy}
                onChange={(event) => update('experienceYears', event.target.value)}
              />
            </Field>
            <Field
              field="drivingLicence"
              label={t('hiring.form.drivingLicence')}
              hint={t('hiring.form.drivingLicenceHint')}
              problems={problems}
            >
              <input
                id="vacancy-drivingLicence"
                className="field__input"
                type="text"
                value={draft.drivingLicence}
                aria-invalid={problems.has('drivingLicence')}
                aria-describedby={fieldProps('drivingLicence').describedBy}
                onChange={(event) => update('drivingLicence', event.target.value)}
              />
            </Field>
          </div>
          <Field field="skills" label={t('hiring.form.skills')} hint={t('hiring.form.skillsHint')} problems={problems}>
            <textarea
              id="vacancy-skills"
              className="field__input field__textarea"
              rows={3}
              value={draft.skills}
              aria-invalid={problems.has('skills')}
              aria-describedby={fieldProps('skills').describedBy}
              onChange={(event) => update('skills', event.target.value)}
            />
          </Field>
          <fieldset className="vacancy-form__languages" id="vacancy-languages">
            <legend className="field__label">{t('hiring.form.languages')}</legend>
            {languageCodes.map((lang) => (
              <div key={lang} className="field field--inline">
                <label className="field__label" htmlFor={`vacancy-language-${lang}`}>
                  {t(`languages.${lang}`)}
                </label>
                <select
                  id={`vacancy-language-${lang}`}
                  className="field__input field__select"
                  value={draft.languages[lang]}
                  onChange={(event) =>
                    update('languages', { ...draft.languages, [lang]: event.target.value as LanguageLevel | '' })
                  }
                >
                  <option value="">{t('hiring.form.languageNotNeeded')}</option>
                  {languageLevels.map((level) => (
                    <option key={level} value={level}>
                      {t(`hiring.languageLevel.${level}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            {problems.has('languages') && <FieldError field="languages" message={problems.get('languages') ?? ''} />}
          </fieldset>
        </fieldset>

        {showsProject && (
          <fieldset className="vacancy-form__group" disabled={!isEditable || isBusy}>
            <legend>{t('hiring.form.groups.project')}</legend>
            <div className="field">
              <label className="field__label" htmlFor="vacancy-project">
                {t('hiring.form.project')}
              </label>
              <p className="field__hint" id="vacancy-project-hint">
                {t('hiring.form.projectHint')}
              </p>
              <select
                id="vacancy-project"
                className="field__input field__select"
                aria-describedby="vacancy-project-hint"
                value={projectChoice}
                onChange={(event) => setProjectChoice(event.target.value)}
              >
                <option value="">{t('hiring.form.projectNone')}</option>
                {projectOptions.map((project) => (
                  <option key={project.id} value={String(project.id)}>
                    {project.title}
                  </option>
                ))}
                {vacancy?.projectId != null && !projectOptions.some((project) => project.id === vacancy.projectId) && (
                  <option value={String(vacancy.projectId)}>
                    {t('hiring.form.projectNumber', { id: vacancy.projectId })}
                  </option>
                )}
              </select>
            </div>
          </fieldset>
        )}

        {isEditable ? (
          <div className="hiring__actions">
            <button type="submit" className="button" disabled={isBusy}>
              {save.isPending ? t('hiring.form.saving') : vacancy ? t('hiring.form.save') : t('hiring.form.create')}
            </button>
            {vacancy?.state === 'draft' && (
              <button type="button" className="button" disabled={isBusy} onClick={() => void saveAndPublish()}>
                {publish.isPending ? t('hiring.form.publishing') : t('hiring.form.publish')}
              </button>
            )}
            {vacancy && (
              <button
                type="button"
                className="button button--secondary"
                disabled={isBusy}
                onClick={() => void closeVacancy()}
              >
                {t('hiring.form.close')}
              </button>
            )}
          </div>
        ) : (
          <p className="notice">{t('hiring.form.notEditable', { state: t(`hiring.vacancyState.${vacancy.state}`) })}</p>
        )}
      </form>
    </div>
  )
}

function WordingList({ flags }: { flags: WordingFlag[] }) {
  const { t } = useTranslation()
  if (flags.length === 0) return null
  return (
    <ul className="notice__list">
      {flags.map((flag) => (
        <li key={flag.phrase}>
          «{flag.phrase}» — {t(`hiring.wordingCategory.${flag.category}`)}
        </li>
      ))}
    </ul>
  )
}

function FieldError({ field, message }: { field: string; message: string }) {
  const { t } = useTranslation()
  return (
    <p className="field__error" id={`vacancy-${field}-error`}>
      {t(`hiring.form.problem.${field as Field}`)} <span className="field__error-detail">({message})</span>
    </p>
  )
}

function Field({
  field,
  label,
  hint,
  problems,
  children,
}: {
  field: Field
  label: string
  hint?: string
  problems: Map<string, string>
  children: ReactNode
}) {
  const message = problems.get(field)
  return (
    <div className="field">
      <label className="field__label" htmlFor={`vacancy-${field}`}>
        {label}
      </label>
      {hint && <p className="field__hint">{hint}</p>}
      {message !== undefined && <FieldError field={field} message={message} />}
      {children}
    </div>
  )
}
