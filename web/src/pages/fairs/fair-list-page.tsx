import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../../api/auth'
import { useFairs } from '../../api/fairs'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { FairWindow, isOrganiserRole, StateBadge } from './fair-parts'
import { NewFairForm } from './new-fair-form'

/** Every fair, open ones first: public, so anyone can see what is on before signing in. */
export function FairListPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('fairs.list.title'))
  const session = useSession()
  const fairs = useFairs()
  const order = { open: 0, planned: 1, closed: 2 } as const
  const items = [...(fairs.data ?? [])].sort((a, b) => order[a.state] - order[b.state])

  return (
    <div className="fairs">
      <PageHeading lead={t('fairs.list.lead')}>{t('fairs.list.title')}</PageHeading>
      {fairs.isPending && <LoadingPanel />}
      {fairs.isError && <ErrorPanel error={fairs.error} onRetry={() => void fairs.refetch()} />}
      {fairs.data && items.length === 0 && <p>{t('fairs.list.none')}</p>}
      {items.length > 0 && (
        <ul className="fairs-list">
          {items.map((fair) => (
            <li key={fair.id} className="card fairs-list__item">
              <h2 className="fairs-list__title">
                <Link to={`/fairs/${fair.id}`}>{fair.title}</Link> <StateBadge state={fair.state} />
              </h2>
              <p className="hint">
                <FairWindow fair={fair} /> · {t('fairs.organiser', { name: fair.organiserName })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {isOrganiserRole(session.data) && (
        <>
          <p className="hint">{t('fairs.list.organiserHint')}</p>
          <NewFairForm />
        </>
      )}
    </div>
  )
}
