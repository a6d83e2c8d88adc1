import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useAccount } from '../../session/require-session'
import { type RegistryPage, registryPages, roleSections } from '../../session/workspaces'
import { NotFoundPage } from '../not-found-page'

/**
 * Wraps a registry page: a role it is not for gets "not found" (the API refuses it anyway), and an officer
 * gets a sub-menu to move between the registry's pages.
 */
export function RegistryFrame({ page, children }: { page: RegistryPage; children: ReactNode }) {
  const { t } = useTranslation()
  const { role } = useAccount()
  if (!registryPages[page].roles.includes(role)) return <NotFoundPage />

  const ownPages = (Object.keys(registryPages) as RegistryPage[]).filter((candidate) =>
    registryPages[candidate].roles.includes(role),
  )
  // Only a role whose main menu has the one "registry" item needs a way between the registry's pages.
  const hasSubMenu = roleSections[role].includes('registry') && ownPages.length > 1
  return (
    <div className="registry">
      {hasSubMenu && (
        <nav className="sub-nav" aria-label={t('registry.nav.label')}>
          <ul className="sub-nav__list">
            {ownPages.map((candidate) => (
              <li key={candidate}>
                {/* `end`: the lookup lives at the registry's own path, which prefixes the others. */}
                <NavLink to={registryPages[candidate].path} end className="sub-nav__link">
                  {t(`registry.nav.${candidate}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </div>
  )
}
