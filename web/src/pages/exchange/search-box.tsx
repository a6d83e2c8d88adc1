import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Suggestion, useSuggestions } from '../../api/exchange'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { useDebouncedValue } from './format'

// Long enough that a word typed at normal speed asks once, short enough to feel immediate.
const TYPEAHEAD_DELAY_MS = 250

/**
 * The query box with typeahead: an ARIA 1.2 combobox whose list offers occupations and vacancy titles like the
 * typed text. Arrow keys move through the list, Enter takes the highlighted entry (or searches the text), Escape
 * closes it.
 */
export function SearchBox({
  query,
  onSearch,
  onPickOccupation,
}: {
  query: string
  onSearch: (text: string) => void
  onPickOccupation: (code: string) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const id = useId()
  const [text, setText] = useState(query)
  const [isOpen, setIsOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const debounced = useDebouncedValue(text, TYPEAHEAD_DELAY_MS)
  const suggestions = useSuggestions(isOpen ? debounced : '')
  const items = isOpen && debounced.trim().length >= 2 ? (suggestions.data ?? []) : []
  const listId = `${id}-suggestions`

  // A new address (back button, a shared link, a corrected query) brings its own words into the box.
  useEffect(() => setText(query), [query])

  function pick(item: Suggestion) {
    setIsOpen(false)
    setActive(-1)
    if (item.kind === 'occupation' && item.occupationCode) {
      setText('')
      onPickOccupation(item.occupationCode)
    } else {
      setText(item.text)
      onSearch(item.text)
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const chosen = items[active]
    if (chosen) return pick(chosen)
    setIsOpen(false)
    onSearch(text.trim())
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault()
      setIsOpen(true)
      setActive((current) => (current + 1) % items.length)
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault()
      setActive((current) => (current <= 0 ? items.length - 1 : current - 1))
    } else if (event.key === 'Escape' && items.length > 0) {
      // The first Escape closes the list; only a second one lets the browser clear the search field.
      event.preventDefault()
      setIsOpen(false)
      setActive(-1)
    }
  }

  return (
    <search className="search-box">
      <form onSubmit={submit} aria-label={t('exchange.search.formLabel')}>
        <label className="field__label" htmlFor={`${id}-q`}>
          {t('exchange.search.queryLabel')}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('exchange.search.queryHint')}
        </p>
        <div className="search-box__row">
          <div className="search-box__combo">
            <input
              id={`${id}-q`}
              className="field__input"
              type="search"
              name="q"
              role="combobox"
              autoComplete="off"
              maxLength={200}
              aria-describedby={`${id}-hint`}
              aria-autocomplete="list"
              aria-expanded={items.length > 0}
              aria-controls={listId}
              aria-activedescendant={active >= 0 && items[active] ? `${listId}-${active}` : undefined}
              value={text}
              onChange={(event) => {
                setText(event.target.value)
                setIsOpen(true)
                setActive(-1)
              }}
              onKeyDown={onKeyDown}
              // A click on a suggestion lands after blur; the list must still be there to receive it.
              onBlur={() => setTimeout(() => setIsOpen(false), 150)}
            />
            <div id={listId} role="listbox" className="search-box__list" aria-label={t('exchange.search.suggestions')}>
              {items.map((item, index) => (
                // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input; the option is announced through aria-activedescendant, and the keyboard works there
                // biome-ignore lint/a11y/useKeyWithClickEvents: the input's arrow keys and Enter choose options (ARIA combobox pattern)
                <div
                  key={`${item.kind}-${item.occupationCode ?? ''}-${item.text}`}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="search-box__option"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(item)}
                >
                  <span>{item.text}</span>
                  <span className="search-box__kind">
                    {item.kind === 'occupation'
                      ? t('exchange.search.suggestOccupation', { code: item.occupationCode })
                      : t('exchange.search.suggestTitle', { n: formatNumber(item.count ?? 0, language) })}
                  </span>
                </div>
              ))}
            </div>
          </div>
          <button type="submit" className="button">
            {t('exchange.search.submit')}
          </button>
        </div>
      </form>
    </search>
  )
}
