import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage, languages } from '../i18n'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const current = currentLanguage()
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          // Each name is written in its own language, so it is announced in that language too.
          lang={language}
          className="language-switch__option"
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {t(`languages.${language}`)}
        </button>
      ))}
    </fieldset>
  )
}
