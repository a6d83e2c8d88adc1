import { useTranslation } from 'react-i18next'
import { regionName, useRegions } from '../api/reference'
import type { Account } from '../api/types'
import { currentLanguage } from '../i18n'
import { PageHeading } from '../layout/page-heading'
import { useDocumentTitle } from '../layout/use-document-title'
import { useAccount } from '../session/require-session'
import { isRegionalRole } from '../session/workspaces'

/** The signed-in account's region in the reader's language, or null for national accounts. */
function useRegionLabel(account: Account): string | null {
  const { t } = useTranslation()
  const regions = useRegions()
  if (!account.regionCode) return null
  if (regions.isPending) return t('home.regionLoading')
  const region = regions.data?.find((item) => item.code === account.regionCode)
  // An unknown code still names the scope rather than hiding it.
  return region ? regionName(region, currentLanguage()) : t('home.regionUnknown', { code: account.regionCode })
}

export function HomePage() {
  const { t } = useTranslation()
  const account = useAccount()
  const regionLabel = useRegionLabel(account)
  const { role } = account

  const title = isRegionalRole(role)
    ? t(`workspace.${role}.title`, { region: regionLabel ?? '' })
    : t(`workspace.${role}.title`)
  const planned = t(`workspace.${role}.planned`, { returnObjects: true })
  useDocumentTitle(title)

  return (
    <div className="workspace">
      <PageHeading lead={t(`workspace.${role}.lead`)}>{title}</PageHeading>
      <div className="workspace__grid">
        <section className="card" aria-labelledby="planned-heading">
          <h2 id="planned-heading">{t('home.plannedHeading')}</h2>
          <ul className="checklist">
            {planned.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="hint">{t('home.plannedNote')}</p>
        </section>
        <section className="card card--quiet" aria-labelledby="account-heading">
          <h2 id="account-heading">{t('home.accountHeading')}</h2>
          <dl className="facts">
            <Fact term={t('home.facts.displayName')} value={account.displayName} />
            <Fact term={t('home.facts.login')} value={account.login} />
            <Fact term={t('home.facts.role')} value={t(`role.${role}`)} />
            <Fact term={t('home.facts.region')} value={regionLabel} />
            <Fact term={t('home.facts.district')} value={account.districtCode} />
            <Fact term={t('home.facts.iin')} value={account.iin} />
            <Fact term={t('home.facts.bin')} value={account.bin} />
          </dl>
        </section>
      </div>
    </div>
  )
}

function Fact({ term, value }: { term: string; value: string | null }) {
  if (value === null) return null
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}
