import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  downloadUrl,
  type Enrolment,
  type PlanFact,
  useDecide,
  useEnrolments,
  usePlanVsFact,
} from '../../api/programmes'
import { currentLanguage } from '../../i18n'
import { formatNumber, todayIsoDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { Problem, YearField } from './programmes-page'

const money = (n: number) => `${formatNumber(Math.round(n), currentLanguage())} ₸`

/** A manager's approval queue (with the plan's ledger beside each proposal) and the year's enrolments. */
export function EnrolmentsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('programmes.enrolments.title'))
  const [year, setYear] = useState(Number(todayIsoDate().slice(0, 4)))
  const enrolments = useEnrolments(year)
  const report = usePlanVsFact(year)
  const decide = useDecide()
  if (enrolments.isPending || report.isPending) return <LoadingPanel />
  if (enrolments.isError) return <ErrorPanel error={enrolments.error} onRetry={() => void enrolments.refetch()} />
  if (report.isError) return <ErrorPanel error={report.error} />
  const queue = enrolments.data.filter((e) => e.state === 'proposed')
  const planOf = (e: Enrolment) => report.data.find((p) => p.programme === e.programme && p.region === e.region)
  return (
    <div className="programmes">
      <PageHeading lead={t('programmes.enrolments.lead')}>{t('programmes.enrolments.title')}</PageHeading>
      <YearField year={year} onChange={setYear} />
      {decide.isError && <Problem error={decide.error} />}
      {decide.isSuccess && (
        <div className="notice notice--success" role="status">
          {t('programmes.enrolments.decided', {
            id: decide.data.id,
            state: t(`programmes.state.${decide.data.state}`),
          })}
        </div>
      )}
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('programmes.enrolments.queue', { count: queue.length })}</h2>
        {queue.length === 0 ? (
          <p>{t('programmes.enrolments.queueEmpty')}</p>
        ) : (
          <ul className="programmes__queue">
            {queue.map((e) => (
              <QueueItem key={e.id} enrolment={e} plan={planOf(e)} decide={decide} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('programmes.enrolments.list')}</h2>
        <p>
          {t('programmes.download')}{' '}
          <a href={downloadUrl('enrolments', year, 'csv')} download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={downloadUrl('enrolments', year, 'xlsx')} download>
            XLSX
          </a>
        </p>
        <div className="table-wrap">
          <table className="table">
            <caption>{t('programmes.enrolments.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('programmes.iin')}</th>
                <th scope="col">{t('programmes.programme')}</th>
                <th scope="col">{t('programmes.startDate')}</th>
                <th scope="col">{t('programmes.cost')}</th>
                <th scope="col">{t('programmes.stateLabel')}</th>
                <th scope="col">{t('programmes.enrolments.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {enrolments.data.map((e) => (
                <tr key={e.id} data-enrolment={e.id}>
                  <td>{e.id}</td>
                  <td>{e.iin}</td>
                  <td>{t(`programmes.names.${e.programme}`, { defaultValue: e.programme })}</td>
                  <td>{e.startDate}</td>
                  <td>{money(e.cost)}</td>
                  <td>
                    {t(`programmes.state.${e.state}`)}
                    {e.refusalReason && <span className="table__sub"> — {e.refusalReason}</span>}
                  </td>
                  <td>{e.state === 'active' && <EndActions enrolment={e} decide={decide} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

type Decide = ReturnType<typeof useDecide>

function QueueItem({ enrolment: e, plan, decide }: { enrolment: Enrolment; plan?: PlanFact; decide: Decide }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const label = t(`programmes.names.${e.programme}`, { defaultValue: e.programme })
  return (
    <li className="card programmes__item" data-enrolment={e.id}>
      <div className="programmes__ledger">
        <h3>{t('programmes.enrolments.ledger', { name: label })}</h3>
        {plan === undefined ? (
          <p>{t('programmes.enrolments.noPlan')}</p>
        ) : (
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('programmes.enrolments.placesLeft')}</dt>
              <dd>{t('programmes.enrolments.ofPlaces', { left: plan.placesLeft, places: plan.places })}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('programmes.enrolments.budgetLeft')}</dt>
              <dd>
                {money(plan.budgetLeft)} / {money(plan.budget)}
              </dd>
            </div>
          </dl>
        )}
      </div>
      <div>
        <p>
          <strong>
            №{e.id} · {e.iin}
          </strong>{' '}
          — {label}, {e.startDate}, {money(e.cost)}
          {e.eligibility.facts.age != null && <> · {t('programmes.age', { age: e.eligibility.facts.age })}</>}
        </p>
        <div className="form form--row">
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ id: e.id, action: 'approve' })}
            aria-label={t('programmes.enrolments.approveOf', { id: e.id })}
          >
            {t('programmes.enrolments.approve')}
          </button>
          <div className="field field--inline">
            <label className="field__label" htmlFor={`reason-${e.id}`}>
              {t('programmes.enrolments.reason')}
            </label>
            <input
              id={`reason-${e.id}`}
              className="field__input"
              value={reason}
              onChange={(ev) => setReason(ev.target.value)}
            />
          </div>
          <button
            type="button"
            className="button button--secondary"
            disabled={decide.isPending || reason.trim().length < 3}
            onClick={() => decide.mutate({ id: e.id, action: 'refuse', reason })}
            aria-label={t('programmes.enrolments.refuseOf', { id: e.id })}
          >
            {t('programmes.enrolments.refuse')}
          </button>
        </div>
      </div>
    </li>
  )
}

function EndActions({ enrolment: e, decide }: { enrolment: Enrolment; decide: Decide }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  return (
    <div className="form form--row-short">
      <button
        type="button"
        className="button button--secondary"
        disabled={decide.isPending}
        onClick={() => decide.mutate({ id: e.id, action: 'complete' })}
        aria-label={t('programmes.enrolments.completeOf', { id: e.id })}
      >
        {t('programmes.enrolments.complete')}
      </button>
      <label className="visually-hidden" htmlFor={`drop-${e.id}`}>
        {t('programmes.enrolments.dropReason', { id: e.id })}
      </label>
      <input
        id={`drop-${e.id}`}
        className="field__input"
        placeholder={t('programmes.enrolments.reason')}
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
      />
      <button
        type="button"
        className="button button--secondary"
        disabled={decide.isPending || reason.trim().length < 3}
        onClick={() => decide.mutate({ id: e.id, action: 'drop', reason })}
        aria-label={t('programmes.enrolments.dropOf', { id: e.id })}
      >
        {t('programmes.enrolments.drop')}
      </button>
    </div>
  )
}
