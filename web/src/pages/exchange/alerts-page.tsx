import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  type Notification,
  type SavedSearch,
  type SavedSearchParams,
  useDeleteSavedSearch,
  useMarkNotificationRead,
  useNotifications,
  useSavedSearches,
} from '../../api/exchange'
import { regionName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { formatWage } from './format'
import { searchHref } from './search-params'

/** Saved searches with their alerts, and the notifications they and the seeker's applications produced. */
export function AlertsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('exchange.alerts.title'))
  return (
    <div className="alerts">
      <PageHeading lead={t('exchange.alerts.lead')}>{t('exchange.alerts.title')}</PageHeading>
      <div className="alerts__grid">
        <Notifications />
        <SavedSearches />
      </div>
    </div>
  )
}

function SavedSearches() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const searches = useSavedSearches()
  const remove = useDeleteSavedSearch()

  return (
    <section className="card card--quiet" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('exchange.alerts.savedHeading')}</h2>
      <p className="hint">{t('exchange.alerts.savedHint')}</p>
      {remove.isError && (
        <p className="notice notice--error" role="alert">
          {remove.error.message}
        </p>
      )}
      {searches.isPending ? (
        <LoadingPanel />
      ) : searches.isError ? (
        <ErrorPanel error={searches.error} onRetry={() => void searches.refetch()} />
      ) : searches.data.length === 0 ? (
        <p>{t('exchange.alerts.noSaved')}</p>
      ) : (
        <ul className="saved-list">
          {searches.data.map((search) => (
            <li key={search.id} className="saved-list__item">
              <h3 className="saved-list__name">
                <Link to={searchHref(search.params)}>{search.name}</Link>
              </h3>
              <SearchSummary params={search.params} />
              <p className="hint">
                {t(`exchange.alerts.frequencies.${search.frequency}`)} ·{' '}
                {t('exchange.alerts.createdOn', { date: formatDate(search.createdAt, language) })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(search.id)}
                aria-label={t('exchange.alerts.deleteNamed', { name: search.name })}
              >
                {t('exchange.alerts.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/vacancies">{t('exchange.alerts.newFromSearch')}</Link>
      </p>
    </section>
  )
}

/** What a saved search looks for, in words. */
function SearchSummary({ params }: { params: SavedSearch['params'] }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const parts = describeSearch(params, (code) => {
    const region = regions.data?.find((item) => item.code === code)
    return region ? regionName(region, language) : code
  })
  return (
    <p className="saved-list__summary">
      {parts.length === 0
        ? t('exchange.alerts.everything')
        : parts
            .map(([key, value]) =>
              key === 'q'
                ? `«${value}»`
                : key === 'wage'
                  ? t('exchange.alerts.summaryWage', { n: formatNumber(Number(value), language) })
                  : key === 'type'
                    ? t(`exchange.employmentType.${value as 'permanent'}`)
                    : key === 'noExperience'
                      ? t('exchange.filters.noExperience')
                      : key === 'remote'
                        ? t('exchange.filters.remote')
                        : key === 'occupation'
                          ? t('exchange.filters.occupationCode', { code: value })
                          : key === 'since'
                            ? t('exchange.filters.sinceDate', { date: formatDate(value, language) })
                            : value,
            )
            .join(' · ')}
    </p>
  )
}

type Part = [key: 'q' | 'region' | 'wage' | 'type' | 'noExperience' | 'remote' | 'occupation' | 'since', value: string]

function describeSearch(params: SavedSearchParams, regionLabel: (code: string) => string): Part[] {
  const parts: Part[] = []
  if (params.q) parts.push(['q', params.q])
  for (const code of params.region ?? []) parts.push(['region', regionLabel(code)])
  for (const code of params.occupation ?? []) parts.push(['occupation', code])
  for (const type of params.employment_type ?? []) parts.push(['type', type])
  if (params.wage_min !== undefined) parts.push(['wage', String(params.wage_min)])
  if (params.no_experience) parts.push(['noExperience', ''])
  if (params.remote) parts.push(['remote', ''])
  if (params.posted_since) parts.push(['since', params.posted_since])
  return parts
}

function Notifications() {
  const { t } = useTranslation()
  const notifications = useNotifications()
  const markRead = useMarkNotificationRead()

  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('exchange.notifications.heading')}</h2>
      {notifications.isPending ? (
        <LoadingPanel />
      ) : notifications.isError ? (
        <ErrorPanel error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : (
        <>
          <p className="hint" role="status">
            {t('exchange.notifications.unread', { n: notifications.data.unread })}
          </p>
          {notifications.data.items.length === 0 ? (
            <p>{t('exchange.notifications.none')}</p>
          ) : (
            <ol className="notification-list">
              {notifications.data.items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  onRead={() => markRead.mutate(item.id)}
                  isBusy={markRead.isPending}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  )
}

function NotificationItem({ item, onRead, isBusy }: { item: Notification; onRead: () => void; isBusy: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const isUnread = item.readAt === null
  return (
    <li className={`notification ${isUnread ? 'notification--unread' : ''}`}>
      <p className="notification__when">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
        {isUnread && <span className="badge badge--warning">{t('exchange.notifications.new')}</span>}
      </p>
      {item.kind === 'application.moved' ? (
        <>
          <p>
            {t('exchange.notifications.moved', {
              title: item.payload.vacancyTitle,
              employer: item.payload.employerName,
            })}{' '}
            <strong>{t(`exchange.applicationState.${item.payload.state}`)}</strong>
          </p>
          {item.payload.reason && (
            <p>
              <span className="notice__label">{t('exchange.applications.reason')}</span> {item.payload.reason}
            </p>
          )}
          <p>
            <Link to={`/applications#application-${item.payload.applicationId}`}>
              {t('exchange.notifications.openApplication')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('exchange.notifications.matches', { name: item.payload.savedSearchName })}</p>
          <ul className="notification__vacancies">
            {item.payload.vacancies.map((vacancy) => (
              <li key={vacancy.id}>
                <Link to={`/vacancies/${vacancy.id}`}>{vacancy.title}</Link> — {vacancy.employerName},{' '}
                {formatWage(vacancy.wageMin, vacancy.wageMax, language)}
              </li>
            ))}
          </ul>
        </>
      )}
      {isUnread && (
        <button
          type="button"
          className="button button--secondary notification__read"
          disabled={isBusy}
          onClick={onRead}
        >
          {t('exchange.notifications.markRead')}
        </button>
      )}
    </li>
  )
}
