import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__about">{t('footer.about')}</p>
        <p>{t('footer.privacy')}</p>
        {/* Anyone may report envelope wages, signed in or not: the form is one click from every page. */}
        <p>
          <Link to="/hotline/report">{t('footer.hotline')}</Link>
        </p>
        <p className="site-footer__licence">{t('footer.licence')}</p>
      </div>
    </footer>
  )
}
