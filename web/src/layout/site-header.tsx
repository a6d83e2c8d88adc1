import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useLogout, useSession } from '../api/auth'
import { LanguageSwitch } from './language-switch'
import { RoleNav } from './role-nav'

export function SiteHeader() {
  const { t } = useTranslation()
  const session = useSession()
  const logout = useLogout()
  const navigate = useNavigate()
  const account = session.data ?? null

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="site-header__utility">
        <div className="container site-header__utility-inner">
          <LanguageSwitch />
        </div>
      </div>
      <div className="site-header__bar container">
        <Link to="/" className="brand">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path
              d="M19 7v12.5a5.5 5.5 0 0 1-11 0"
              fill="none"
              stroke="#f2c230"
              strokeWidth="3.5"
              strokeLinecap="round"
            />
          </svg>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        {/* The vacancy search is public; a visitor who has not signed in reaches it from every page. */}
        {!account && !session.isPending && (
          <Link to="/vacancies" className="button button--header">
            {t('nav.vacancies')}
          </Link>
        )}
        {account && (
          <section className="account" aria-label={t('header.account')}>
            <p className="account__who">
              <span className="account__name">{account.displayName}</span>
              <span className="account__role">{t(`role.${account.role}`)}</span>
            </p>
            <button
              type="button"
              className="button button--header"
              disabled={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })}
            >
              {logout.isPending ? t('header.loggingOut') : t('header.logout')}
            </button>
          </section>
        )}
      </div>
      {logout.isError && (
        <div className="container">
          <p className="notice notice--error" role="alert">
            {t('header.logoutFailed', { message: logout.error.message })}
          </p>
        </div>
      )}
      {account && <RoleNav role={account.role} channelCode={account.channelCode} />}
    </header>
  )
}
