import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { invoicesApi } from '../../api/invoices';
import { describeError } from '../../errors';
import { newIdempotencyKey } from '../../stores/ids';
import { t } from '../../i18n';
import { FieldControl, type FieldSpec } from '../Field';

const specs: FieldSpec[] = [
  { name: 'to', id: 'send-to', label: 'send.to', hint: 'send.toHint', kind: 'text', type: 'email', inputmode: 'email', wide: true },
  { name: 'subject', id: 'send-subject', label: 'send.subject', hint: 'send.subjectHint', kind: 'text', wide: true, maxlength: 200 },
  { name: 'message', id: 'send-message', label: 'send.message', hint: 'send.messageHint', kind: 'text', control: 'textarea', rows: 4, wide: true },
];

/** The server's known refusals in the user's words (docs/protocol.md, POST /invoices/{id}/send). */
function sendProblem(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'smtp_not_configured') return t('send.noSmtp');
    if (e.code === 'smtp_failed') return t('send.smtpFailed');
    if (e.status === 400 && (e.fields.to || e.code === 'invalid')) return t('send.badRecipient');
  }
  return describeError(e);
}

/** "Send by email": the server sends the issued document through the company's SMTP server. */
export function SendEmailPanel(props: { companyId: string; documentId: string; defaultTo: string; onClose: () => void }) {
  const [values, setValues] = createSignal<Record<string, string>>({ to: props.defaultTo, subject: '', message: '' });
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<{ ok: boolean; text: string } | null>(null);
  // One key per message: a retry after a lost answer does not send it twice.
  let key = newIdempotencyKey();

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    const v = values();
    try {
      const body = { ...(v.to?.trim() ? { to: v.to.trim() } : {}), ...(v.subject?.trim() ? { subject: v.subject.trim() } : {}), ...(v.message?.trim() ? { message: v.message } : {}) };
      await invoicesApi.send(props.companyId, props.documentId, body, key);
      setResult({ ok: true, text: t('send.sent', { to: v.to?.trim() || props.defaultTo }) });
      key = newIdempotencyKey();
    } catch (err) {
      setResult({ ok: false, text: t('send.failed', { reason: sendProblem(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card section send-panel" onSubmit={(e) => void send(e)} novalidate data-testid="send-panel">
      <h2 class="section-title">{t('send.title')}</h2>
      <div class="grid">
        {specs.map((spec) => (
          <FieldControl spec={spec} value={values()[spec.name] ?? ''} error={null} onInput={(raw) => setValues((v) => ({ ...v, [spec.name]: raw }))} />
        ))}
      </div>
      <Show when={result()}>
        {(r) => (
          <p class={`notice ${r().ok ? 'success' : 'error'}`} role={r().ok ? 'status' : 'alert'} data-testid="send-result" data-ok={String(r().ok)}>
            {r().text}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy()} data-testid="send-submit">{busy() ? t('send.sending') : t('send.submit')}</button>
        <button type="button" class="btn" onClick={() => props.onClose()}>{t('common.close')}</button>
      </div>
    </form>
  );
}
