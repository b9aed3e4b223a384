import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { t } from '../i18n';
import { cancel, proceed, reauth } from './reauth';

/** The "confirm it is you" prompt of auth/reauth.ts, mounted once beside the app. */
export function ReauthDialog() {
  return (
    <ConfirmDialog
      open={reauth.open()}
      busy={reauth.busy()}
      title={t('reauth.title')}
      titleId="reauth-title"
      testId="reauth-dialog"
      confirmLabel={reauth.busy() ? t('signin.waiting') : t('reauth.confirm')}
      confirmTestId="reauth-confirm"
      tone="primary"
      onConfirm={() => void proceed()}
      onClose={cancel}
    >
      <p>{t('reauth.lead')}</p>
      {reauth.error() && <Notice kind="error">{reauth.error()}</Notice>}
    </ConfirmDialog>
  );
}
