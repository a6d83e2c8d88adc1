import { useTranslation } from 'react-i18next'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__about">{t('footer.about')}</p>
        <p>{t('footer.privacy')}</p>
        <p className="site-footer__licence">{t('footer.licence')}</p>
      </div>
    </footer>
  )
}
