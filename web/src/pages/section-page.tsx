import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../layout/page-heading'
import { useDocumentTitle } from '../layout/use-document-title'
import { useAccount } from '../session/require-session'
import { roleSections, type Section } from '../session/workspaces'
import { NotFoundPage } from './not-found-page'

/** A menu section that is announced but not built yet; it says so rather than showing made-up content. */
export function SectionPage({ section }: { section: Section }) {
  const { t } = useTranslation()
  const { role } = useAccount()
  const title = t(`nav.${section}`)
  useDocumentTitle(title)

  if (!roleSections[role].includes(section)) return <NotFoundPage />

  return (
    <div className="section">
      <PageHeading>{title}</PageHeading>
      <p className="notice">{t('section.notReady')}</p>
      <p>
        <Link to="/">{t('section.backHome')}</Link>
      </p>
    </div>
  )
}
