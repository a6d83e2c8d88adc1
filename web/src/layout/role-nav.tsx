import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import type { Role } from '../api/types'
import { menuSections, sectionPaths } from '../session/workspaces'

export function RoleNav({ role, channelCode }: { role: Role; channelCode?: string | null | undefined }) {
  const { t } = useTranslation()
  return (
    <nav className="role-nav" aria-label={t('nav.label')}>
      <ul className="role-nav__list container">
        <li>
          <NavLink to="/" end className="role-nav__link">
            {t('nav.home')}
          </NavLink>
        </li>
        {menuSections(role, channelCode).map((section) => (
          <li key={section}>
            <NavLink to={sectionPaths[section]} className="role-nav__link">
              {t(`nav.${section}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
