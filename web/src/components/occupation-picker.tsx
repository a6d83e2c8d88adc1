import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Occupation, occupationTitle, useOccupations } from '../api/reference'
import { currentLanguage } from '../i18n'
import './occupation-picker.css'

const shown = 12

function matches(occupation: Occupation, words: string[]): boolean {
  const text = [occupation.code, occupation.titleKk, occupation.titleRu, occupation.titleEn]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
  return words.every((word) => text.includes(word))
}

interface Common {
  /** The search box's id, for the field's <label htmlFor>. */
  id: string
  invalid: boolean
  describedBy?: string | undefined
}

/** One occupation, as a vacancy has (a radio group). */
interface Single extends Common {
  multiple?: false
  value: string
  onChange: (code: string) => void
}

/** Several occupations, as a seeker's profile has (checkboxes, and each chosen one removable). */
interface Multiple extends Common {
  multiple: true
  value: readonly string[]
  onChange: (codes: string[]) => void
  /** How many may be chosen (the API's limit). */
  max: number
  /** Chosen codes the API refused, marked in the list. */
  refused?: readonly string[]
}

/**
 * An ISCO-08 occupation picker: type a few letters of the title (any of the three languages) or the code, then
 * choose among the unit groups found. The choices are native radios or checkboxes, so it works by keyboard and
 * is announced as a choice. A chosen code of another level (a profile saved through the API may hold "741") is
 * still shown with its title.
 */
export function OccupationPicker(props: Single | Multiple) {
  const { id, invalid, describedBy } = props
  const { t } = useTranslation()
  const language = currentLanguage()
  const occupations = useOccupations()
  const [query, setQuery] = useState('')
  const resultsId = useId()

  const byCode = useMemo(
    () => new Map((occupations.data ?? []).map((occupation) => [occupation.code, occupation])),
    [occupations.data],
  )
  const found = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
    if (words.length === 0 || !occupations.data) return []
    return occupations.data.filter((occupation) => occupation.level === 4 && matches(occupation, words)).slice(0, shown)
  }, [query, occupations.data])

  const titleOf = (code: string) => {
    const occupation = byCode.get(code)
    return occupation ? occupationTitle(occupation, language) : t('occupationPicker.unknown')
  }
  const chosen = props.multiple ? props.value : props.value ? [props.value] : []
  const isFull = props.multiple && props.value.length >= props.max

  function toggle(code: string, on: boolean) {
    if (!props.multiple) {
      props.onChange(code)
    } else if (on) {
      if (!props.value.includes(code)) props.onChange([...props.value, code])
    } else {
      props.onChange(props.value.filter((item) => item !== code))
    }
  }

  return (
    <div className="occupation-picker">
      {!props.multiple ? (
        <p className="occupation-picker__chosen" aria-live="polite">
          {props.value
            ? t('occupationPicker.chosen', { code: props.value, title: titleOf(props.value) })
            : t('occupationPicker.none')}
        </p>
      ) : chosen.length === 0 ? (
        <p className="occupation-picker__chosen">{t('occupationPicker.none')}</p>
      ) : (
        <ul className="occupation-picker__list" aria-label={t('occupationPicker.chosenList')}>
          {chosen.map((code) => {
            const isRefused = props.refused?.includes(code) ?? false
            return (
              <li
                key={code}
                className={`occupation-picker__item${isRefused ? ' occupation-picker__item--refused' : ''}`}
              >
                <span>
                  <span className="occupation-picker__code">{code}</span> {titleOf(code)}
                  {isRefused && <span className="occupation-picker__refused"> {t('occupationPicker.refused')}</span>}
                </span>
                <button
                  type="button"
                  className="button button--secondary occupation-picker__remove"
                  aria-label={t('occupationPicker.removeOne', { code, title: titleOf(code) })}
                  onClick={() => toggle(code, false)}
                >
                  {t('occupationPicker.remove')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
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
        <legend className="visually-hidden">{t('occupationPicker.results')}</legend>
        {occupations.isError && <p className="hint">{t('occupationPicker.failed')}</p>}
        {query.trim() !== '' && occupations.data && found.length === 0 && (
          <p className="hint">{t('occupationPicker.nothing')}</p>
        )}
        {isFull && found.length > 0 && <p className="hint">{t('occupationPicker.full', { max: props.max })}</p>}
        {found.map((occupation) => {
          const isChosen = chosen.includes(occupation.code)
          return (
            <label key={occupation.code} className="choice__option occupation-picker__option">
              <input
                type={props.multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                value={occupation.code}
                checked={isChosen}
                disabled={isFull && !isChosen}
                onChange={(event) => toggle(occupation.code, event.target.checked)}
              />
              <span>
                <span className="occupation-picker__code">{occupation.code}</span>{' '}
                {occupationTitle(occupation, language)}
              </span>
            </label>
          )
        })}
      </fieldset>
    </div>
  )
}
