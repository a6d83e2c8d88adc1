import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useNotifications } from '../../api/exchange'
import { useAccount } from '../../session/require-session'
import { NotFoundPage } from '../not-found-page'
import { type SeekerPage, seekerPaths } from './seeker-paths'

/**
 * The seeker's cabinet: the main menu has its one "applications" item; this sub-menu leads on to the profile and
 * the alerts, with the count of unread notifications so a decision is never missed.
 */
export function SeekerFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { role } = useAccount()
  if (role !== 'citizen') return <NotFoundPage />
  return (
    <div className="seeker">
      <nav className="sub-nav" aria-label={t('exchange.cabinet.label')}>
        <ul className="sub-nav__list">
          {(Object.keys(seekerPaths) as SeekerPage[]).map((page) => (
            <li key={page}>
              <NavLink to={seekerPaths[page]} end className="sub-nav__link">
                {t(`exchange.cabinet.${page}`)}
                {page === 'alerts' && <UnreadCount />}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  )
}

function UnreadCount() {
  const { t } = useTranslation()
  const unread = useNotifications().data?.unread ?? 0
  if (unread === 0) return null
  return (
    <>
      {' '}
      <span className="badge badge--warning">
        {unread}
        <span className="visually-hidden"> {t('exchange.cabinet.unread')}</span>
      </span>
    </>
  )
}
