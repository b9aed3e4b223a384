import { lang, setLang, t } from '../i18n';

export function LangToggle() {
  return (
    <button
      type="button"
      class="btn ghost small lang-toggle"
      data-testid="lang-toggle"
      onClick={() => setLang(lang() === 'fr' ? 'en' : 'fr')}
      title={t('lang.switchTitle')}
      lang={lang() === 'fr' ? 'en' : 'fr'}
    >
      {t('lang.switch')}
    </button>
  );
}
