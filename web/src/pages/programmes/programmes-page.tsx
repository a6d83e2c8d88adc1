import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import {
  downloadUrl,
  type EligibilityAnswer,
  type PlanFact,
  type Programme,
  useCheckEligibility,
  usePlanVsFact,
  useProgrammes,
  usePropose,
  useSetPlan,
} from '../../api/programmes'
import { currentLanguage } from '../../i18n'
import { formatNumber, todayIsoDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { FlagsForm } from './flags-form'

const money = (n: number) => `${formatNumber(Math.round(n), currentLanguage())} ₸`
const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString(currentLanguage())} %`)

export function YearField({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation()
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor="programmes-year">
        {t('programmes.year')}
      </label>
      <input
        id="programmes-year"
        className="field__input"
        type="number"
        min={2020}
        max={2100}
        value={year}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  )
}

/** Managers plan their region's year and read plan vs fact; officers propose enrolments; analysts read the nation. */
export function ProgrammesPage() {
  const { t } = useTranslation()
  const account = useAccount()
  useDocumentTitle(t('programmes.title'))
  const [year, setYear] = useState(Number(todayIsoDate().slice(0, 4)))
  if (!['officer', 'manager', 'analyst', 'admin'].includes(account.role)) {
    return (
      <div className="programmes">
        <PageHeading lead={t('programmes.lead')}>{t('programmes.title')}</PageHeading>
        <p>{t('programmes.staffOnly')}</p>
      </div>
    )
  }
  const national = account.role === 'analyst' || account.role === 'admin'
  return (
    <div className="programmes">
      <PageHeading lead={t(national ? 'programmes.analystLead' : 'programmes.lead')}>
        {t('programmes.title')}
      </PageHeading>
      <YearField year={year} onChange={setYear} />
      {account.role === 'officer' && <ProposeForm />}
      {account.role === 'officer' && <FlagsForm />}
      {account.role === 'manager' && account.regionCode !== null && (
        <PlanForm year={year} region={account.regionCode} />
      )}
      <Report year={year} />
    </div>
  )
}

function PlanForm({ year, region }: { year: number; region: string }) {
  const { t } = useTranslation()
  const programmes = useProgrammes(`${year}-01-01`)
  const report = usePlanVsFact(year)
  if (programmes.isPending || report.isPending) return <LoadingPanel />
  if (programmes.isError) return <ErrorPanel error={programmes.error} />
  if (report.isError) return <ErrorPanel error={report.error} />
  return (
    <section aria-labelledby="plan-heading" className="card">
      <h2 id="plan-heading">{t('programmes.plan.heading', { region, year })}</h2>
      <p className="hint">{t('programmes.plan.hint')}</p>
      <table className="table">
        <caption className="visually-hidden">{t('programmes.plan.heading', { region, year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.programme')}</th>
            <th scope="col">{t('programmes.costPerPlace')}</th>
            <th scope="col">{t('programmes.places')}</th>
            <th scope="col">{t('programmes.budget')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('programmes.plan.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {programmes.data.map((p) => (
            <PlanRow
              key={`${year}-${p.code}`}
              programme={p}
              year={year}
              region={region}
              plan={report.data.find((r) => r.programme === p.code)}
            />
          ))}
        </tbody>
      </table>
    </section>
  )
}

function PlanRow({
  programme,
  year,
  region,
  plan,
}: {
  programme: Programme
  year: number
  region: string
  plan?: PlanFact
}) {
  const { t } = useTranslation()
  const setPlan = useSetPlan()
  const [places, setPlaces] = useState(String(plan?.places ?? ''))
  const [budget, setBudget] = useState(String(plan?.budget ?? ''))
  const name = programme.name[currentLanguage()]
  function save(event: FormEvent) {
    event.preventDefault()
    setPlan.mutate({ region, year, programme: programme.code, places: Number(places), budget: Number(budget) })
  }
  const id = `plan-${programme.code}`
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {money(programme.costPerPlace)}
        {!programme.isVerified && <span className="badge badge--warning">{t('programmes.unverified')}</span>}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-places`}>
          {t('programmes.placesOf', { name })}
        </label>
        <input
          id={`${id}-places`}
          className="field__input"
          type="number"
          value={places}
          onChange={(e) => setPlaces(e.target.value)}
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-budget`}>
          {t('programmes.budgetOf', { name })}
        </label>
        <input
          id={`${id}-budget`}
          className="field__input"
          type="number"
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
        />
      </td>
      <td>
        <form onSubmit={save}>
          <button
            type="submit"
            className="button button--secondary"
            disabled={setPlan.isPending}
            aria-label={t('programmes.plan.saveOf', { name })}
          >
            {t('programmes.plan.save')}
          </button>
        </form>
        {setPlan.isSuccess && <span role="status">{t('programmes.plan.saved')}</span>}
        {setPlan.isError && (
          <span role="alert" className="notice--error">
            {setPlan.error.message}
          </span>
        )}
      </td>
    </tr>
  )
}

function Report({ year }: { year: number }) {
  const { t } = useTranslation()
  const report = usePlanVsFact(year)
  if (report.isPending) return <LoadingPanel />
  if (report.isError) return <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
  const name = (r: PlanFact) => r.programmeName[currentLanguage()]
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('programmes.report.heading', { year })}</h2>
      <p>
        {t('programmes.download')}{' '}
        <a href={downloadUrl('report', year, 'csv')} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={downloadUrl('report', year, 'xlsx')} download>
          XLSX
        </a>
      </p>
      {report.data.length === 0 ? (
        <p>{t('programmes.report.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('programmes.report.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.region')}</th>
                <th scope="col">{t('programmes.programme')}</th>
                <th scope="col">{t('programmes.places')}</th>
                <th scope="col">{t('programmes.report.committed')}</th>
                <th scope="col">{t('programmes.report.spent')}</th>
                <th scope="col">{t('programmes.budget')}</th>
                <th scope="col">{t('programmes.report.moneyCommitted')}</th>
                <th scope="col">{t('programmes.report.moneySpent')}</th>
                <th scope="col">{t('programmes.report.people')}</th>
                <th scope="col">{t('programmes.report.placesPct')}</th>
                <th scope="col">{t('programmes.report.budgetPct')}</th>
                <th scope="col">{t('programmes.report.employed')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.map((r) => (
                <tr key={r.id} data-programme={r.programme}>
                  <td>{r.region}</td>
                  <th scope="row">{name(r)}</th>
                  <td>{r.places}</td>
                  <td>{r.placesCommitted}</td>
                  <td>{r.placesSpent}</td>
                  <td>{money(r.budget)}</td>
                  <td>{money(r.budgetCommitted)}</td>
                  <td>{money(r.budgetSpent)}</td>
                  <td>{r.peopleEnrolled}</td>
                  <td>{pct(r.placesExecutedPct)}</td>
                  <td>{pct(r.budgetExecutedPct)}</td>
                  <td>
                    {r.followedUp === 0 ? '—' : `${r.employedAfter6m} / ${r.followedUp} (${pct(r.employedAfter6mPct)})`}
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

function ProposeForm() {
  const { t } = useTranslation()
  const programmes = useProgrammes(todayIsoDate())
  const check = useCheckEligibility()
  const propose = usePropose()
  const [iin, setIin] = useState('')
  const [programme, setProgramme] = useState('public_works')
  const [startDate, setStartDate] = useState(todayIsoDate())
  const [purpose, setPurpose] = useState('')
  const request = () => ({ iin: iin.replace(/\s+/g, ''), programme, startDate, purpose: purpose.trim() })
  function submit(event: FormEvent) {
    event.preventDefault()
    propose.reset()
    check.mutate(request(), {
      onSuccess: (answer) => {
        if (answer.isEligible) propose.mutate(request())
      },
    })
  }
  return (
    <section aria-labelledby="propose-heading" className="card">
      <h2 id="propose-heading">{t('programmes.propose.heading')}</h2>
      <form className="form" onSubmit={submit} aria-label={t('programmes.propose.heading')}>
        <div className="field">
          <label className="field__label" htmlFor="propose-iin">
            {t('programmes.iin')}
          </label>
          <input
            id="propose-iin"
            className="field__input"
            inputMode="numeric"
            maxLength={20}
            required
            value={iin}
            onChange={(e) => setIin(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="propose-programme">
            {t('programmes.programme')}
          </label>
          <select
            id="propose-programme"
            className="field__select"
            value={programme}
            onChange={(e) => setProgramme(e.target.value)}
          >
            {(programmes.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name[currentLanguage()]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--date">
          <label className="field__label" htmlFor="propose-start">
            {t('programmes.startDate')}
          </label>
          <input
            id="propose-start"
            className="field__input"
            type="date"
            required
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="propose-purpose">
            {t('programmes.propose.purpose')}
          </label>
          <p className="field__hint">{t('programmes.propose.purposeHint')}</p>
          <input
            id="propose-purpose"
            className="field__input"
            required
            minLength={3}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={check.isPending || propose.isPending}>
            {t('programmes.propose.submit')}
          </button>
        </div>
      </form>
      {check.isError && <Problem error={check.error} />}
      {check.data && !check.data.isEligible && <Ineligible answer={check.data} />}
      {propose.isError && <Problem error={propose.error} />}
      {propose.data && (
        <div className="notice notice--success" role="status">
          {t('programmes.propose.done', { id: propose.data.id, cost: money(propose.data.cost) })}
        </div>
      )}
    </section>
  )
}

function Ineligible({ answer }: { answer: EligibilityAnswer }) {
  const { t } = useTranslation()
  return (
    <div className="notice notice--error" role="alert">
      <h3 className="notice__title">{t('programmes.propose.ineligible')}</h3>
      <ul className="notice__list">
        {answer.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  )
}

export function Problem({ error }: { error: Error }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">{error instanceof ApiError ? error.message : String(error)}</p>
    </div>
  )
}
