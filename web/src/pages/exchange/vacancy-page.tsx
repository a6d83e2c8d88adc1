import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { useSession } from '../../api/auth'
import { ApiError } from '../../api/client'
import { useApply, useMyApplications, useVacancy, type Vacancy } from '../../api/exchange'
import { katoName, regionName, useKatoChildren, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import type { LoginState } from '../../session/require-session'
import { NotFoundPage } from '../not-found-page'
import { formatWage } from './format'

/**
 * A vacancy in the web app. The server sends this address with the vacancy's JobPosting JSON-LD already in the
 * HTML (vacancy-page.routes.ts); this page is what a person sees once the app has started.
 */
export function VacancyPage() {
  const { id: idParam = '' } = useParams()
  const id = /^\d{1,15}$/.test(idParam) ? Number(idParam) : 0
  const vacancy = useVacancy(id)
  const { t } = useTranslation()
  useDocumentTitle(vacancy.data ? `${vacancy.data.title} — ${vacancy.data.employerName}` : t('exchange.vacancy.title'))

  if (id === 0) return <NotFoundPage />
  if (vacancy.isPending) return <LoadingPanel />
  if (vacancy.isError) {
    if (vacancy.error instanceof ApiError && vacancy.error.status === 404) return <VacancyGone />
    return <ErrorPanel error={vacancy.error} onRetry={() => void vacancy.refetch()} />
  }
  return <VacancyDetails vacancy={vacancy.data} />
}

function VacancyGone() {
  const { t } = useTranslation()
  return (
    <div>
      <PageHeading>{t('exchange.vacancy.goneTitle')}</PageHeading>
      <p>{t('exchange.vacancy.goneBody')}</p>
      <p>
        <Link to="/vacancies">{t('exchange.vacancy.backToSearch')}</Link>
      </p>
    </div>
  )
}

function VacancyDetails({ vacancy }: { vacancy: Vacancy }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((item) => item.code === vacancy.regionCode)
  const districts = useKatoChildren(region?.kato ?? null)
  const district = districts.data?.find((unit) => unit.code === vacancy.districtCode)
  const requirements = vacancy.requirements
  const openPositions = Math.max(0, vacancy.positions - vacancy.positionsFilled)

  return (
    <article className="vacancy" aria-labelledby="vacancy-title">
      <p className="vacancy__back">
        <Link to="/vacancies">{t('exchange.vacancy.backToSearch')}</Link>
      </p>
      <div className="page-heading">
        <h1 id="vacancy-title" tabIndex={-1}>
          {vacancy.title}
        </h1>
        <p className="lead">{vacancy.employerName}</p>
      </div>
      {vacancy.state !== 'published' && (
        <p className="notice">
          {t('exchange.vacancy.notOpen', { state: t(`exchange.vacancyState.${vacancy.state}`) })}
        </p>
      )}
      <div className="vacancy__grid">
        <div className="vacancy__main">
          <p className="vacancy__wage">
            {formatWage(vacancy.wageMin, vacancy.wageMax, language)}
            <span className="vacancy-card__per">{t('exchange.vacancy.perMonth')}</span>
          </p>
          <dl className="facts facts--grid">
            <Fact
              term={t('exchange.vacancy.region')}
              value={region ? regionName(region, language) : vacancy.regionCode}
            />
            {district && <Fact term={t('exchange.vacancy.district')} value={katoName(district, language)} />}
            <Fact
              term={t('exchange.vacancy.employmentType')}
              value={t(`exchange.employmentType.${vacancy.employmentType}`)}
            />
            <Fact term={t('exchange.vacancy.schedule')} value={t(`exchange.schedule.${vacancy.schedule}`)} />
            <Fact
              term={t('exchange.vacancy.occupation')}
              value={`${t(`exchange.occupationMajor.${majorOf(vacancy.occupationCode)}`)} (ISCO-08 ${vacancy.occupationCode})`}
            />
            <Fact
              term={t('exchange.vacancy.positions')}
              value={t('exchange.vacancy.positionsOpen', {
                open: formatNumber(openPositions, language),
                total: formatNumber(vacancy.positions, language),
              })}
            />
            {vacancy.publishedAt && (
              <Fact term={t('exchange.vacancy.published')} value={formatDate(vacancy.publishedAt, language)} />
            )}
            {vacancy.expiresAt && (
              <Fact term={t('exchange.vacancy.expires')} value={formatDate(vacancy.expiresAt, language)} />
            )}
          </dl>

          <section aria-labelledby="vacancy-description">
            <h2 id="vacancy-description">{t('exchange.vacancy.description')}</h2>
            {/* Plain text as the employer wrote it: React renders it as text, so markup in it stays inert. */}
            <p className="vacancy__description">{vacancy.description}</p>
          </section>

          <section aria-labelledby="vacancy-requirements">
            <h2 id="vacancy-requirements">{t('exchange.vacancy.requirements')}</h2>
            <dl className="facts">
              <Fact
                term={t('exchange.vacancy.education')}
                value={t(`exchange.education.${requirements.educationLevel}`)}
              />
              <Fact
                term={t('exchange.vacancy.experience')}
                value={
                  requirements.experienceYears === 0
                    ? t('exchange.vacancy.noExperience')
                    : t('exchange.vacancy.experienceYears', { n: requirements.experienceYears })
                }
              />
              {requirements.skills.length > 0 && (
                <Fact term={t('exchange.vacancy.skills')} value={requirements.skills.join(', ')} />
              )}
              {requirements.languages.length > 0 && (
                <Fact
                  term={t('exchange.vacancy.languages')}
                  value={requirements.languages
                    .map(
                      (item) =>
                        `${t(`exchange.languageName.${item.lang}`)} — ${t(`exchange.languageLevel.${item.level}`)}`,
                    )
                    .join('; ')}
                />
              )}
              {requirements.drivingLicence.length > 0 && (
                <Fact term={t('exchange.vacancy.drivingLicence')} value={requirements.drivingLicence.join(', ')} />
              )}
            </dl>
          </section>
        </div>
        <ApplyPanel vacancy={vacancy} />
      </div>
    </article>
  )
}

const majorOf = (code: string) => (code[0] ?? '0') as '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'

/**
 * Applying: a visitor is sent to sign in and brought back here; a seeker who applied already sees that
 * application's state instead of the button.
 */
function ApplyPanel({ vacancy }: { vacancy: Vacancy }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const location = useLocation()
  const session = useSession()
  const isCitizen = session.data?.role === 'citizen'
  const applications = useMyApplications(isCitizen)
  const apply = useApply(vacancy.id)
  const [coverLetter, setCoverLetter] = useState('')
  const statusRef = useRef<HTMLDivElement>(null)
  const mine = applications.data?.find((application) => application.vacancyId === vacancy.id)

  useEffect(() => {
    if (apply.isSuccess) statusRef.current?.focus()
  }, [apply.isSuccess])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    apply.mutate(coverLetter)
  }

  let body: ReactNode
  if (session.isPending || (isCitizen && applications.isPending)) body = <LoadingPanel />
  else if (!session.data) {
    const state: LoginState = { from: location.pathname }
    body = (
      <>
        <p>{t('exchange.apply.signInLead')}</p>
        <Link className="button" to="/login" state={state}>
          {t('exchange.apply.signIn')}
        </Link>
      </>
    )
  } else if (!isCitizen) body = <p className="hint">{t('exchange.apply.citizensOnly')}</p>
  else if (mine) {
    const last = mine.events[mine.events.length - 1]
    body = (
      <div className="apply__done" ref={statusRef} tabIndex={-1} role="status">
        <p className="apply__state">{t('exchange.apply.already', { date: formatDate(mine.createdAt, language) })}</p>
        <p>
          {t('exchange.applications.currentState')}{' '}
          <span className={`badge badge--application-${mine.state}`}>
            {t(`exchange.applicationState.${mine.state}`)}
          </span>
          {last && <> {t('exchange.applications.since', { when: formatDateTime(last.at, language) })}</>}
        </p>
        <Link to={`/applications#application-${mine.id}`}>{t('exchange.apply.follow')}</Link>
      </div>
    )
  } else if (vacancy.state !== 'published') body = <p className="hint">{t('exchange.apply.closed')}</p>
  else
    body = (
      <form className="form apply__form" onSubmit={submit} noValidate>
        {apply.isError && (
          <div className="notice notice--error" role="alert">
            <h3 className="notice__title">{t('exchange.apply.failed')}</h3>
            <p className="notice__message">{apply.error.message}</p>
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor="cover-letter">
            {t('exchange.apply.coverLetter')}
          </label>
          <p className="field__hint" id="cover-letter-hint">
            {t('exchange.apply.coverLetterHint')}
          </p>
          <textarea
            id="cover-letter"
            className="field__input field__textarea"
            rows={5}
            maxLength={5000}
            aria-describedby="cover-letter-hint"
            value={coverLetter}
            onChange={(event) => setCoverLetter(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={apply.isPending}>
          {apply.isPending ? t('exchange.apply.sending') : t('exchange.apply.submit')}
        </button>
      </form>
    )

  return (
    <aside className="card apply" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('exchange.apply.heading')}</h2>
      {body}
    </aside>
  )
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}
