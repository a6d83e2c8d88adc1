import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../layout/page-heading'
import { useDocumentTitle } from '../layout/use-document-title'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <div className="not-found">
      <PageHeading lead={t('notFound.body')}>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </div>
  )
}
