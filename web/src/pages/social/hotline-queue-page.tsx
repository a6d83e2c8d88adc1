import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { regionName, useRegions } from '../../api/reference'
import { type HotlineStatus, hotlineStatuses, useHotlineQueue } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { sectionPaths } from '../../session/workspaces'

/** The inspector's queue: the region's hotline reports with their SLA due date; overdue ones marked. */
export function HotlineQueuePage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const regions = useRegions()
  const region = regions.data?.find((r) => r.code === account.regionCode)
  const title = region
    ? t('social.queue.titleRegion', { region: regionName(region, language) })
    : t('social.queue.title')
  useDocumentTitle(title)
  const [status, setStatus] = useState<HotlineStatus | ''>('')
  const [overdue, setOverdue] = useState(false)
  const queue = useHotlineQueue({ status, overdue })

  return (
    <div className="social">
      <PageHeading lead={t('social.queue.lead')}>{title}</PageHeading>
      {account.role === 'officer' && (
        <p>
          <Link to={sectionPaths.hotlineCall}>{t('social.queue.enterCall')}</Link>{' '}
          <Link to={sectionPaths.hotlineStatistics}>{t('nav.hotlineStatistics')}</Link>
        </p>
      )}
      <form className="form form--row" onSubmit={(event) => event.preventDefault()}>
        <div className="field field--inline">
          <label className="field__label" htmlFor="queue-status">
            {t('social.queue.status')}
          </label>
          <select
            id="queue-status"
            className="field__select"
            value={status}
            onChange={(event) => setStatus(event.target.value as HotlineStatus | '')}
          >
            <option value="">{t('social.queue.allStatuses')}</option>
            {hotlineStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`social.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="choice__option">
            <input type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />{' '}
            {t('social.queue.overdueOnly')}
          </label>
        </div>
      </form>
      {queue.isPending ? (
        <LoadingPanel />
      ) : queue.isError ? (
        <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <p className="hint">{t('social.queue.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="hotline-queue">
            <caption>{t('social.queue.caption', { count: queue.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('social.queue.reference')}</th>
                <th scope="col">{t('social.report.category')}</th>
                <th scope="col">{t('social.report.employer')}</th>
                <th scope="col">{t('social.queue.received')}</th>
                <th scope="col">{t('social.queue.due')}</th>
                <th scope="col">{t('social.queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link to={`/hotline/reports/${report.id}`}>№ {report.id}</Link>
                  </td>
                  <td>
                    {t(`social.category.${report.category}`)}{' '}
                    {report.source === 'contact_centre' && (
                      <span className="table__sub">{t('social.source.contact_centre')}</span>
                    )}
                  </td>
                  <td>
                    {report.employerName ?? ''}{' '}
                    {report.employerBin && <span className="table__sub">{report.employerBin}</span>}
                  </td>
                  <td>{formatDateTime(report.createdAt, language)}</td>
                  <td>
                    {formatDate(report.dueDate, language)}{' '}
                    {report.isOverdue && <span className="badge badge--warning">{t('social.queue.overdue')}</span>}
                  </td>
                  <td>
                    <span className="badge badge--muted">{t(`social.status.${report.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
