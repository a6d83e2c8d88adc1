import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Occupation, useUnitGroups } from '../../api/hiring'
import { currentLanguage } from '../../i18n'
import { occupationTitle } from './hiring-shared'

const shown = 12

function matches(occupation: Occupation, words: string[]): boolean {
  const text = [occupation.code, occupation.titleKk, occupation.titleRu, occupation.titleEn]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
  return words.every((word) => text.includes(word))
}

/**
 * The ISCO-08 occupation of a vacancy: type a few letters of the title (any of the three languages) or the
 * code, then choose one of the unit groups found. The choice is a radio group, so it works by keyboard and
 * is announced as a choice.
 */
export function OccupationPicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string
  value: string
  onChange: (code: string) => void
  invalid: boolean
  describedBy?: string | undefined
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const groups = useUnitGroups()
  const [query, setQuery] = useState('')
  const resultsId = useId()

  const chosen = groups.data?.find((occupation) => occupation.code === value)
  const found = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
    if (words.length === 0 || !groups.data) return []
    return groups.data.filter((occupation) => matches(occupation, words)).slice(0, shown)
  }, [query, groups.data])

  return (
    <div className="occupation-picker">
      <p className="occupation-picker__chosen" aria-live="polite">
        {value
          ? t('hiring.form.occupationChosen', {
              code: value,
              title: chosen ? occupationTitle(chosen, language) : t('hiring.form.occupationUnknown'),
            })
          : t('hiring.form.occupationNone')}
      </p>
      <input
        id={id}
        className="field__input"
        type="search"
        autoComplete="off"
        value={query}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-controls={resultsId}
        onChange={(event) => setQuery(event.target.value)}
      />
      <fieldset className="occupation-picker__results" id={resultsId}>
        <legend className="visually-hidden">{t('hiring.form.occupationResults')}</legend>
        {groups.isError && <p className="hint">{t('hiring.form.occupationsFailed')}</p>}
        {query.trim() !== '' && groups.data && found.length === 0 && (
          <p className="hint">{t('hiring.form.occupationNothing')}</p>
        )}
        {found.map((occupation) => (
          <label key={occupation.code} className="choice__option occupation-picker__option">
            <input
              type="radio"
              name={`${id}-choice`}
              value={occupation.code}
              checked={occupation.code === value}
              onChange={() => onChange(occupation.code)}
            />
            <span>
              <span className="occupation-picker__code">{occupation.code}</span> {occupationTitle(occupation, language)}
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  )
}
