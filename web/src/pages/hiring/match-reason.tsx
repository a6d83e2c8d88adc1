import { useTranslation } from 'react-i18next'
import type { MatchPart } from '../../api/hiring'
import { katoName, nameOf, useKatoChildren, useRegions } from '../../api/reference'
import { currentLanguage, type Language } from '../../i18n'
import { formatNumber, formatPercent } from '../../i18n/format'
import { formatTenge, wageRange } from './hiring-shared'

const sentenceCase = (text: string, language: Language) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1)

/**
 * Why a part of the match score got its points, worded in the reader's language from the API's reason code and
 * parameters; numbers, tenge and places as the reader writes them. A code this page does not know yet (a newer
 * server) shows the API's English sentence rather than nothing.
 */
export function MatchReason({ part }: { part: MatchPart }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const districtRegion =
    part.reasonCode === 'region_same_district'
      ? regions.data?.find((region) => part.reasonParams.district.startsWith(region.code))
      : undefined
  const districts = useKatoChildren(districtRegion?.kato ?? null)

  const n = (value: number) => formatNumber(value, language)
  const years = (value: number) => t('hiring.match.years', { count: value, years: n(value) })
  const region = (code: string) => nameOf(regions.data, code, language)
  const list = (items: readonly string[]) => items.join(', ')

  function words(): string {
    switch (part.reasonCode) {
      case 'occupation_none':
      case 'skills_none_required':
      case 'experience_none_required':
      case 'region_remote':
      case 'wage_none_stated':
        return t(`hiring.match.reasons.${part.reasonCode}`)
      case 'occupation_other_major':
        return t('hiring.match.reasons.occupation_other_major', part.reasonParams)
      case 'occupation_same':
      case 'occupation_nested':
      case 'occupation_shared_group': {
        const { via, code, title, vacancyOccupation } = part.reasonParams
        const source =
          via === 'desired'
            ? t('hiring.match.via.desired', { code })
            : t('hiring.match.via.experience', { code, title: title ?? '' })
        if (part.reasonCode !== 'occupation_shared_group') {
          return t(`hiring.match.reasons.${part.reasonCode}`, { source, vacancyOccupation })
        }
        return t('hiring.match.reasons.occupation_shared_group', {
          source,
          vacancyOccupation,
          group: part.reasonParams.group,
          level: t(`hiring.match.level.${part.reasonParams.level}`),
        })
      }
      case 'skills_matched': {
        const { has, required, matched, missing } = part.reasonParams
        return [
          t('hiring.match.reasons.skills_matched', { has: n(has), required: n(required) }),
          ...(matched.length > 0 ? [t('hiring.match.skillsHas', { list: list(matched) })] : []),
          ...(missing.length > 0 ? [t('hiring.match.skillsMissing', { list: list(missing) })] : []),
        ].join('; ')
      }
      case 'experience_none_related':
        return t('hiring.match.reasons.experience_none_related', {
          group: part.reasonParams.group,
          required: years(part.reasonParams.requiredYears),
        })
      case 'experience_related':
        return t('hiring.match.reasons.experience_related', {
          group: part.reasonParams.group,
          years: years(part.reasonParams.years),
          required: years(part.reasonParams.requiredYears),
        })
      case 'region_same_district': {
        const { district } = part.reasonParams
        const unit = districts.data?.find((item) => item.code === district)
        return t('hiring.match.reasons.region_same_district', {
          district: unit ? katoName(unit, language) : district,
        })
      }
      case 'region_same_region':
        return t('hiring.match.reasons.region_same_region', { region: region(part.reasonParams.region) })
      case 'region_relocate':
      case 'region_elsewhere': {
        const { seekerRegion, vacancyRegion } = part.reasonParams
        const where =
          seekerRegion === null
            ? t('hiring.match.regionNone')
            : t('hiring.match.regionWanted', { region: region(seekerRegion) })
        return t(`hiring.match.reasons.${part.reasonCode}`, { where, region: region(vacancyRegion) })
      }
      case 'wage_within':
      case 'wage_above': {
        const { desired, offeredMin, offeredMax } = part.reasonParams
        const amounts = {
          desired: formatTenge(desired, language),
          offered: wageRange(offeredMin, offeredMax, language),
        }
        return part.reasonCode === 'wage_within'
          ? t('hiring.match.reasons.wage_within', amounts)
          : t('hiring.match.reasons.wage_above', {
              ...amounts,
              percent: formatPercent(part.reasonParams.percent / 100, language, 0),
            })
      }
      default:
        return (part as { reason: string }).reason
    }
  }

  return <>{sentenceCase(words(), language)}</>
}
