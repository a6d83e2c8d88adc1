import { useTranslation } from 'react-i18next'
import { katoName, regionName, useKatoChildren, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'

export interface Place {
  regionCode: string
  districtCode: string
  localityCode: string
}

export const noPlace: Place = { regionCode: '', districtCode: '', localityCode: '' }

/** The KATO code a place names: its most precise level chosen; '' until a region is chosen. */
export function katoOf(place: Place, regionKato: string | undefined): string {
  return place.localityCode || place.districtCode || regionKato || ''
}

/**
 * The workplace as KATO: region, then district (or city), then settlement. Each level is optional below the
 * region; the API derives the region and district from whatever code is chosen and refuses an unknown one.
 */
export function PlacePicker({
  place,
  onChange,
  invalid,
  describedBy,
}: {
  place: Place
  onChange: (place: Place) => void
  invalid: boolean
  describedBy?: string | undefined
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((item) => item.code === place.regionCode)
  const districts = useKatoChildren(region?.kato ?? null)
  const localities = useKatoChildren(place.districtCode || null)
  const knownLocality = localities.data?.some((unit) => unit.code === place.localityCode) ?? false

  return (
    <div className="place-picker">
      <div className="field">
        <label className="field__label" htmlFor="vacancy-katoCode">
          {t('hiring.form.region')}
        </label>
        <select
          id="vacancy-katoCode"
          className="field__input field__select"
          value={place.regionCode}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ regionCode: event.target.value, districtCode: '', localityCode: '' })}
        >
          <option value="">{t('hiring.form.choose')}</option>
          {regions.data?.map((item) => (
            <option key={item.code} value={item.code}>
              {regionName(item, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="vacancy-district">
          {t('hiring.form.district')}
        </label>
        <select
          id="vacancy-district"
          className="field__input field__select"
          value={place.districtCode}
          disabled={!region}
          onChange={(event) => onChange({ ...place, districtCode: event.target.value, localityCode: '' })}
        >
          <option value="">{t('hiring.form.wholeRegion')}</option>
          {districts.data?.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {katoName(unit, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="vacancy-locality">
          {t('hiring.form.locality')}
        </label>
        <select
          id="vacancy-locality"
          className="field__input field__select"
          value={place.localityCode}
          disabled={!place.districtCode}
          onChange={(event) => onChange({ ...place, localityCode: event.target.value })}
        >
          <option value="">{t('hiring.form.wholeDistrict')}</option>
          {/* A deeper unit stored earlier stays selectable even before (or without) its level being listed. */}
          {place.localityCode && !knownLocality && <option value={place.localityCode}>{place.localityCode}</option>}
          {localities.data?.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {katoName(unit, language)}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
