import { useTranslation } from 'react-i18next'
import type { BenefitParameter, BenefitResult } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate, formatNumber } from '../../i18n/format'

const roleKeys = {
  'months averaged': 'monthsAveraged',
  'replacement rate': 'replacementRate',
  'length coefficient': 'lengthCoefficient',
  'months of payment': 'monthsOfPayment',
  'share of average income': 'shareOfAverage',
  'leave days': 'leaveDays',
  'income cap, minimum wages': 'incomeCapMw',
  'minimum wage': 'minimumWage',
  'maximum, minimum wages': 'maximumMw',
  'minimum, MCI': 'minimumMci',
  MCI: 'mci',
} as const
type RoleKey = (typeof roleKeys)[keyof typeof roleKeys]

/** The server's name of a parameter's role, as a key of our words; an unknown role is shown as the server wrote it. */
function roleKeyOf(role: string): RoleKey | undefined {
  return (roleKeys as Record<string, RoleKey>)[role]
}

const money = (value: number) => `${formatNumber(value, currentLanguage())} ₸`

/**
 * One benefit calculation with every figure and where it came from: the months used, the average, each
 * parameter with its value and the date it is in force from (marked when the law's value is still to be checked).
 */
export function BenefitView({ result, headingId }: { result: BenefitResult; headingId: string }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const param = (role: string): BenefitParameter | undefined => result.parameters.find((p) => p.role === role)
  const rate = param('replacement rate') ?? param('share of average income')
  const paidMonths = result.months.filter((m) => m.income > 0).length

  return (
    <section className="benefit card" aria-labelledby={headingId} data-testid={`benefit-${result.kind}`}>
      <h3 id={headingId}>{t(`social.benefit.kinds.${result.kind}`)}</h3>
      <p className={`benefit__verdict ${result.eligible ? 'benefit__verdict--ok' : 'benefit__verdict--no'}`}>
        {result.eligible
          ? t('social.benefit.eligible', { date: formatDate(result.date, language) })
          : t('social.benefit.notEligible', { date: formatDate(result.date, language) })}
      </p>
      {result.eligible && (
        <p className="benefit__amount" data-testid="benefit-amount">
          <span className="benefit__amount-value">{money(result.monthlyAmount)}</span>{' '}
          {result.durationMonths !== null && result.durationMonths > 0
            ? t('social.benefit.perMonthFor', { months: result.durationMonths, total: money(result.totalAmount) })
            : result.durationDays !== null
              ? t('social.benefit.forDays', { days: result.durationDays, total: money(result.totalAmount) })
              : t('social.benefit.perMonth')}
        </p>
      )}
      <ul className="benefit__reasons">
        {result.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>

      <h4>{t('social.benefit.howHeading')}</h4>
      <ol className="benefit__steps" data-testid="benefit-explanation">
        <li>
          {t('social.benefit.stepMonths', {
            paid: paidMonths,
            window: result.windowMonths,
            from: result.months[0]?.month ?? '—',
            to: result.months.at(-1)?.month ?? '—',
          })}
        </li>
        <li>
          {t('social.benefit.stepAverage', {
            total: money(result.totalIncome),
            window: result.windowMonths,
            average: money(result.averageIncome),
          })}
        </li>
        {rate && (
          <li>
            {t('social.benefit.stepRate', {
              value: formatNumber(rate.value, language),
              key: rate.key,
              from: formatDate(rate.validFrom, language),
            })}
          </li>
        )}
        {result.coefficient !== null && (
          <li>
            {t('social.benefit.stepCoefficient', {
              value: formatNumber(result.coefficient, language),
              months: result.contributionMonths,
            })}
          </li>
        )}
        <li>{t('social.benefit.stepMonthly', { amount: money(result.monthlyAmount) })}</li>
      </ol>

      <div className="table-wrap">
        <table className="table">
          <caption>{t('social.benefit.parametersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('social.benefit.parameterRole')}</th>
              <th scope="col">{t('social.benefit.parameterKey')}</th>
              <th scope="col">{t('social.benefit.parameterValue')}</th>
              <th scope="col">{t('social.benefit.parameterFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {result.parameters.map((p) => (
              <tr key={`${p.key}-${p.role}`}>
                <td>
                  {roleKeyOf(p.role) === undefined ? p.role : t(`social.benefit.roles.${roleKeyOf(p.role) as RoleKey}`)}
                </td>
                <td>
                  <code>{p.key}</code>
                </td>
                <td>
                  {formatNumber(p.value, language)}{' '}
                  {!p.isVerified && <span className="badge badge--warning">{t('social.benefit.toCheck')}</span>}
                </td>
                <td>{formatDate(p.validFrom, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className="benefit__server">
        <summary>{t('social.benefit.serverExplanation')}</summary>
        <ul>
          {result.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </section>
  )
}
