import { useTranslation } from 'react-i18next'
import { type ContributionRow, useMySocial } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { BenefitView } from './benefit-view'

const money = (value: number) => formatNumber(value, currentLanguage())

interface MonthTotals {
  month: string
  byPlatform: Map<string, number>
  income: number
  pension: number
  employerPension: number
  social: number
  health: number
  total: number
}

/** The ledger's rows (one per platform × month) folded into one row per month, newest first. */
function byMonth(rows: readonly ContributionRow[]): MonthTotals[] {
  const months = new Map<string, MonthTotals>()
  for (const row of rows) {
    let m = months.get(row.month)
    if (!m) {
      m = {
        month: row.month,
        byPlatform: new Map(),
        income: 0,
        pension: 0,
        employerPension: 0,
        social: 0,
        health: 0,
        total: 0,
      }
      months.set(row.month, m)
    }
    m.byPlatform.set(row.platformBin, (m.byPlatform.get(row.platformBin) ?? 0) + row.income)
    m.income += row.income
    m.pension += row.pension
    m.employerPension += row.employerPension
    m.social += row.social
    m.health += row.healthEmployee + row.healthEmployer
    m.total += row.total
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month))
}

/** A citizen's own platform incomes, contributions and what the State Social Insurance Fund would pay today. */
export function MySocialPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('social.me.title'))
  const social = useMySocial()

  return (
    <div className="social">
      <PageHeading lead={t('social.me.lead')}>{t('social.me.title')}</PageHeading>
      {social.isPending ? (
        <LoadingPanel />
      ) : social.isError ? (
        <ErrorPanel error={social.error} onRetry={() => void social.refetch()} />
      ) : (
        <MySocialContent data={social.data} />
      )}
    </div>
  )
}

function MySocialContent({ data }: { data: NonNullable<ReturnType<typeof useMySocial>['data']> }) {
  const { t } = useTranslation()
  const months = byMonth(data.contributions)
  // Platforms that reported income, in the order the citizen registered with them, then any others.
  const platformNames = new Map<string, string>()
  for (const p of data.platforms) platformNames.set(p.bin, p.name)
  for (const c of data.contributions) platformNames.set(c.platformBin, c.platformName)
  const platforms = [...platformNames.entries()]
  const jobLoss = data.coverage.find((c) => c.kind === 'job_loss')
  const others = data.coverage.filter((c) => c.kind !== 'job_loss')

  return (
    <>
      <section aria-labelledby="platforms-heading">
        <h2 id="platforms-heading">{t('social.me.platformsHeading')}</h2>
        {data.platforms.length === 0 ? (
          <p className="hint">{t('social.me.noPlatforms')}</p>
        ) : (
          <ul className="social__platforms">
            {data.platforms.map((p) => (
              <li key={p.bin}>
                <strong>{p.name}</strong> ({t('social.bin')} {p.bin}) — {t(`social.regime.${p.regime}`)}
              </li>
            ))}
          </ul>
        )}
        <dl className="counts">
          <div className="counts__item">
            <dt>{t('social.me.totalIncome')}</dt>
            <dd>{money(data.totals.income)} ₸</dd>
          </div>
          <div className="counts__item">
            <dt>{t('social.me.totalContributions')}</dt>
            <dd data-testid="total-contributions">{money(data.totals.contributions)} ₸</dd>
          </div>
          <div className="counts__item">
            <dt>{t('social.me.monthsWithIncome')}</dt>
            <dd>{data.totals.months}</dd>
          </div>
        </dl>
      </section>

      {months.length > 0 && (
        <>
          <section aria-labelledby="incomes-heading">
            <h2 id="incomes-heading">{t('social.me.incomesHeading')}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="incomes-table">
                <caption>{t('social.me.incomesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('social.month')}</th>
                    {platforms.map(([bin, name]) => (
                      <th scope="col" key={bin}>
                        {name}
                      </th>
                    ))}
                    <th scope="col">{t('social.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th>
                      {platforms.map(([bin]) => (
                        <td key={bin} className="num">
                          {m.byPlatform.has(bin) ? money(m.byPlatform.get(bin) ?? 0) : '—'}
                        </td>
                      ))}
                      <td className="num">{money(m.income)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="contributions-heading">
            <h2 id="contributions-heading">{t('social.me.contributionsHeading')}</h2>
            <p className="hint">{t('social.me.contributionsHint')}</p>
            <div className="table-wrap">
              <table className="table" data-testid="contributions-table">
                <caption>{t('social.me.contributionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('social.month')}</th>
                    <th scope="col">{t('social.contribution.pension')}</th>
                    <th scope="col">{t('social.contribution.employerPension')}</th>
                    <th scope="col">{t('social.contribution.social')}</th>
                    <th scope="col">{t('social.contribution.health')}</th>
                    <th scope="col">{t('social.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th>
                      <td className="num">{money(m.pension)}</td>
                      <td className="num">{money(m.employerPension)}</td>
                      <td className="num">{money(m.social)}</td>
                      <td className="num">{money(m.health)}</td>
                      <td className="num">{money(m.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">{t('social.me.coverageHeading')}</h2>
        <p className="hint">{t('social.me.coverageHint')}</p>
        {jobLoss && <BenefitView result={jobLoss} headingId="benefit-job-loss" />}
        {others.map((result) => (
          <BenefitView key={result.kind} result={result} headingId={`benefit-${result.kind}`} />
        ))}
      </section>
    </>
  )
}
