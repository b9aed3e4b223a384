import { A } from '@solidjs/router';
import { t } from '../i18n';
import { AuthFrame } from '../components/AuthFrame';

export default function NotFound() {
  return (
    <AuthFrame title={t('notFound.title')}>
      <p class="lead">{t('notFound.lead')}</p>
      <A href="/" class="btn primary">{t('notFound.home')}</A>
    </AuthFrame>
  );
}
