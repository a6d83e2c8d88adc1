import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ProgrammesOverview } from '../../api/programmes'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
// Shown on the projects area's national overview too: its words come with it, whichever area's chunk loads it.
import '../../i18n/programmes'
import { sectionPaths } from '../../session/workspaces'

/**
 * The programmes panel of the analysts' national overview: the year's plans of every region added up (places, money,
 * people, employment six months after completion), as `GET /api/overview` returns them; the detail is one click away.
 */
export function ProgrammesOverviewPanel({ programmes, year }: { programmes: ProgrammesOverview; year: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const n = (value: number) => formatNumber(Math.round(value), language)
  const total = programmes.total
  return (
    <section className="card" aria-labelledby="panel-programmes" data-panel="programmes">
      <h2 id="panel-programmes">{t('programmes.overview.heading', { year })}</h2>
      <dl className="projects-figures">
        <dt>{t('programmes.overview.places')}</dt>
        <dd>{n(total.places)}</dd>
        <dt>{t('programmes.overview.placesTaken')}</dt>
        <dd>{n(total.placesTaken)}</dd>
        <dt>{t('programmes.overview.budget')}</dt>
        <dd>{n(total.budget)} ₸</dd>
        <dt>{t('programmes.overview.budgetSpent')}</dt>
        <dd>{n(total.budgetSpent)} ₸</dd>
        <dt>{t('programmes.overview.people')}</dt>
        <dd>{n(total.peopleEnrolled)}</dd>
        <dt>{t('programmes.overview.employed')}</dt>
        <dd>{total.followedUp === 0 ? '—' : `${n(total.employedAfter6m)} / ${n(total.followedUp)}`}</dd>
      </dl>
      <p>
        <Link to={sectionPaths.programmes}>{t('programmes.overview.details')}</Link>
      </p>
    </section>
  )
}
