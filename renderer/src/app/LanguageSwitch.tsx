import { useTranslation } from 'react-i18next';
import { LANGS, setLang, useLang } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation('app');
  const lang = useLang();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" className="segmented__item" aria-pressed={lang === l} onClick={() => void setLang(l)} data-testid={`lang-${l}`}>
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
