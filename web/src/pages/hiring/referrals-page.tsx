import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api/client'
import {
  type PersonRecord,
  type Referral,
  type ReferralLimit,
  type SeekerLookup,
  useRefer,
  useReferralLimit,
  useReferrals,
  useSeekerLookup,
  useVacancySearch,
  type VacancySummary,
} from '../../api/hiring'
import { regionName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { sectionPaths } from '../../session/workspaces'
import { ServerSays, wageRange } from './hiring-shared'
import { OutcomeCell } from './referral-outcome'

const minPurposeLength = 5

/** A refusal because the region's yearly limit is spent: the API answers 409 with the total and used. */
function isLimitRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    typeof error.details === 'object' &&
    error.details !== null &&
    'total' in error.details
  )
}

/** The officer refers a seeker of the region to a vacancy, spending one unit of the region's yearly limit. */
export function ReferralsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('hiring.referrals.title'))
  const account = useAccount()
  const regions = useRegions()
  const region = regions.data?.find((item) => item.code === account.regionCode)
  const limits = useReferralLimit()
  const limit = limits.data?.find((item) => item.regionCode === account.regionCode)

  const [lookup, setLookup] = useState<SeekerLookup | null>(null)
  const person = useSeekerLookup(lookup)
  const [vacancy, setVacancy] = useState<VacancySummary | null>(null)

  return (
    <div className="hiring referrals">
      <PageHeading lead={t('hiring.referrals.lead')}>
        {t('hiring.referrals.title')}
        {region ? ` — ${regionName(region, currentLanguage())}` : ''}
      </PageHeading>
      <p className="referrals__links">
        <Link to={sectionPaths.referralStatistics}>{t('hiring.referrals.statisticsLink')}</Link>
      </p>
      {limits.isPending ? (
        <LoadingPanel />
      ) : limits.isError ? (
        <ErrorPanel error={limits.error} onRetry={() => void limits.refetch()} />
      ) : (
        <LimitCard limit={limit} />
      )}
      <SeekerStep lookup={lookup} onLookup={setLookup} person={person} />
      <VacancyStep chosen={vacancy} onChoose={setVacancy} />
      <ReferStep person={person.data ?? null} vacancy={vacancy} />
      <ReferralList />
    </div>
  )
}

function LimitCard({ limit }: { limit: ReferralLimit | undefined }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  if (!limit) return <p className="notice notice--error">{t('hiring.referrals.noLimit')}</p>
  return (
    <section className="card referrals__limit" aria-labelledby="limit-heading">
      <h2 id="limit-heading">{t('hiring.referrals.limitHeading', { year: limit.year })}</h2>
      <dl className="counts" data-testid="referral-limit">
        <div className="counts__item">
          <dt>{t('hiring.referrals.total')}</dt>
          <dd>{formatNumber(limit.total, language)}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('hiring.referrals.used')}</dt>
          <dd>{formatNumber(limit.used, language)}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('hiring.referrals.remaining')}</dt>
          <dd>{formatNumber(limit.remaining, language)}</dd>
        </div>
      </dl>
      {limit.remaining === 0 && <p className="badge badge--warning">{t('hiring.referrals.spent')}</p>}
    </section>
  )
}

function SeekerStep({
  lookup,
  onLookup,
  person,
}: {
  lookup: SeekerLookup | null
  onLookup: (lookup: SeekerLookup | null) => void
  person: ReturnType<typeof useSeekerLookup>
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const [iin, setIin] = useState('')
  const [purpose, setPurpose] = useState('')
  const [problems, setProblems] = useState<('iin' | 'purpose')[]>([])
  const regionLabel = (code: string) => {
    const region = regions.data?.find((item) => item.code === code)
    return region ? regionName(region, language) : code
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const cleanIin = iin.replace(/\s+/g, '')
    const cleanPurpose = purpose.trim()
    const found: ('iin' | 'purpose')[] = []
    if (!/^\d{12}$/.test(cleanIin)) found.push('iin')
    if (cleanPurpose.length < minPurposeLength) found.push('purpose')
    setProblems(found)
    if (found.length > 0) {
      onLookup(null)
      return
    }
    onLookup({ iin: cleanIin, purpose: cleanPurpose, attempt: (lookup?.attempt ?? 0) + 1 })
  }

  return (
    <section className="referrals__step" aria-labelledby="seeker-heading">
      <h2 id="seeker-heading">{t('hiring.referrals.seekerHeading')}</h2>
      <form className="form form--row" onSubmit={submit} noValidate aria-labelledby="seeker-heading">
        <div className="field">
          <label className="field__label" htmlFor="referral-iin">
            {t('hiring.referrals.iin')}
          </label>
          {problems.includes('iin') && <p className="field__error">{t('hiring.referrals.iinInvalid')}</p>}
          <input
            id="referral-iin"
            className="field__input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-invalid={problems.includes('iin')}
            value={iin}
            onChange={(event) => setIin(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="referral-purpose">
            {t('hiring.referrals.purpose')}
          </label>
          {problems.includes('purpose') && (
            <p className="field__error">{t('hiring.referrals.purposeTooShort', { min: minPurposeLength })}</p>
          )}
          <input
            id="referral-purpose"
            className="field__input"
            type="text"
            autoComplete="off"
            maxLength={300}
            aria-invalid={problems.includes('purpose')}
            aria-describedby="referral-purpose-hint"
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={person.isFetching}>
            {t('hiring.referrals.find')}
          </button>
        </div>
      </form>
      <p className="hint" id="referral-purpose-hint">
        {t('hiring.referrals.purposeHint')}
      </p>
      {lookup &&
        (person.isPending ? (
          <LoadingPanel />
        ) : person.isError ? (
          <div className="notice notice--error" role="alert">
            <h3 className="notice__title">{t('hiring.referrals.lookupRefused')}</h3>
            <ServerSays message={person.error.message} />
          </div>
        ) : (
          <div className="notice notice--success" aria-live="polite">
            <h3 className="notice__title" data-testid="referral-seeker">
              {[person.data.surname, person.data.givenName, person.data.patronymic].filter(Boolean).join(' ')}
            </h3>
            <p>
              {t('hiring.referrals.seekerFacts', {
                iin: person.data.iin,
                born: person.data.birthDate ? formatDate(person.data.birthDate, language) : '—',
                region: regionLabel(person.data.regionCode),
              })}
            </p>
          </div>
        ))}
    </section>
  )
}

function VacancyStep({
  chosen,
  onChoose,
}: {
  chosen: VacancySummary | null
  onChoose: (vacancy: VacancySummary | null) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const vacancies = useVacancySearch(query)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQuery(typed.trim())
  }

  return (
    <section className="referrals__step" aria-labelledby="vacancy-heading">
      <h2 id="vacancy-heading">{t('hiring.referrals.vacancyHeading')}</h2>
      <form className="form form--row form--row-short" onSubmit={submit} aria-labelledby="vacancy-heading">
        <div className="field">
          <label className="field__label" htmlFor="referral-vacancy-query">
            {t('hiring.referrals.vacancyQuery')}
          </label>
          <input
            id="referral-vacancy-query"
            className="field__input"
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t('hiring.referrals.searchVacancies')}
          </button>
        </div>
      </form>
      {vacancies.isPending ? (
        <LoadingPanel />
      ) : vacancies.isError ? (
        <ErrorPanel error={vacancies.error} onRetry={() => void vacancies.refetch()} />
      ) : vacancies.data.items.length === 0 ? (
        <p className="hint">{t('hiring.referrals.noVacancies')}</p>
      ) : (
        <fieldset className="choice referrals__vacancies">
          <legend className="field__label">{t('hiring.referrals.vacanciesFound', { n: vacancies.data.total })}</legend>
          {vacancies.data.items.map((vacancy) => {
            const region = regions.data?.find((item) => item.code === vacancy.regionCode)
            return (
              <label key={vacancy.id} className="choice__option referrals__vacancy">
                <input
                  type="radio"
                  name="referral-vacancy"
                  checked={chosen?.id === vacancy.id}
                  onChange={() => onChoose(vacancy)}
                />
                <span>
                  <strong>{vacancy.title}</strong> — {vacancy.employerName}
                  <span className="table__sub">
                    {region ? regionName(region, language) : vacancy.regionCode} ·{' '}
                    {wageRange(vacancy.wageMin, vacancy.wageMax, language)} ·{' '}
                    {t('hiring.referrals.vacancyUntil', { date: formatDate(vacancy.expiresAt, language) })}
                  </span>
                </span>
              </label>
            )
          })}
        </fieldset>
      )}
    </section>
  )
}

function ReferStep({ person, vacancy }: { person: PersonRecord | null; vacancy: VacancySummary | null }) {
  const { t } = useTranslation()
  const refer = useRefer()
  const [note, setNote] = useState('')
  const answerRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (refer.isSuccess || refer.isError) answerRef.current?.focus()
  }, [refer.isSuccess, refer.isError])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!person || !vacancy) return
    const trimmed = note.trim()
    refer.mutate({ vacancyId: vacancy.id, iin: person.iin, ...(trimmed && { note: trimmed }) })
  }

  return (
    <section className="referrals__step" aria-labelledby="refer-heading">
      <h2 id="refer-heading">{t('hiring.referrals.referHeading')}</h2>
      <p className="hint">
        {person && vacancy
          ? t('hiring.referrals.referSummary', {
              name: `${person.surname} ${person.givenName}`,
              title: vacancy.title,
            })
          : t('hiring.referrals.referMissing')}
      </p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="refer-heading">
        <div className="field">
          <label className="field__label" htmlFor="referral-note">
            {t('hiring.referrals.note')}
          </label>
          <textarea
            id="referral-note"
            className="field__input field__textarea"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={!person || !vacancy || refer.isPending}>
          {refer.isPending ? t('hiring.referrals.referring') : t('hiring.referrals.refer')}
        </button>
      </form>
      {refer.isSuccess && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={answerRef}>
          <h3 className="notice__title">{t('hiring.referrals.referred', { id: refer.data.id })}</h3>
        </div>
      )}
      {refer.isError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={answerRef}>
          <h3 className="notice__title">
            {isLimitRefusal(refer.error) ? t('hiring.referrals.limitRefused') : t('hiring.referrals.referRefused')}
          </h3>
          <ServerSays message={refer.error.message} />
        </div>
      )}
    </section>
  )
}

function ReferralList() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const [mine, setMine] = useState(true)
  const referrals = useReferrals(mine)
  return (
    <section className="referrals__list" aria-labelledby="list-heading">
      <div className="recent__head">
        <h2 id="list-heading">{mine ? t('hiring.referrals.mineHeading') : t('hiring.referrals.regionHeading')}</h2>
        <fieldset className="choice">
          <legend className="visually-hidden">{t('hiring.referrals.whose')}</legend>
          <label className="choice__option">
            <input type="radio" name="referral-whose" checked={mine} onChange={() => setMine(true)} />
            {t('hiring.referrals.mine')}
          </label>
          <label className="choice__option">
            <input type="radio" name="referral-whose" checked={!mine} onChange={() => setMine(false)} />
            {t('hiring.referrals.region')}
          </label>
        </fieldset>
      </div>
      {referrals.isPending ? (
        <LoadingPanel />
      ) : referrals.isError ? (
        <ErrorPanel error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.length === 0 ? (
        <p className="hint">{t('hiring.referrals.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('hiring.referrals.caption', { n: referrals.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hiring.referrals.columns.vacancy')}</th>
                <th scope="col">{t('hiring.referrals.columns.seeker')}</th>
                <th scope="col">{t('hiring.referrals.columns.at')}</th>
                <th scope="col">{t('hiring.referrals.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.data.map((referral: Referral) => (
                <tr key={referral.id}>
                  <th scope="row">
                    {referral.vacancyTitle}
                    <span className="table__sub">{t('hiring.vacancyNumber', { id: referral.vacancyId })}</span>
                  </th>
                  <td>{referral.seekerIin}</td>
                  <td>{formatDateTime(referral.createdAt, language)}</td>
                  <td>
                    <OutcomeCell
                      referral={referral}
                      // The API lets any officer of the referral's region record it, and nobody else.
                      canRecord={account.role === 'officer' && account.regionCode === referral.regionCode}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
