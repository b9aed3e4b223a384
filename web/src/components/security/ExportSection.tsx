import { createSignal, Show } from 'solid-js';
import { exportApi } from '../../api/export';
import { session } from '../../auth/session';
import { exportFileName } from '../../export/fileName';
import { saveFile } from '../../export/saveFile';
import { t } from '../../i18n';
import { createAction } from '../action';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';
import './security.css';
import { companyToday } from '../../today';

/**
 * Settings → "Vos données": everything the company holds as one JSON file (GDPR art. 20 portability, the
 * accountant, leaving). Exporting all is what a data thief does too: the server asks for a passkey and
 * alerts the owners. Shown to members with data.export only.
 */
export function ExportSection() {
  const { company } = useCompany();
  const [saved, setSaved] = createSignal<string | null>(null);
  const action = createAction();
  const online = () => session.reachable();

  const download = () =>
    void action.run(async () => {
      setSaved(null);
      const data = await exportApi.get(company.id);
      const name = exportFileName(data, company.id, companyToday());
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name);
      setSaved(name);
    });

  return (
    <section class="card section export-section" aria-labelledby="export-title" data-testid="export-section">
      <h2 class="section-title" id="export-title">{t('dataExport.title')}</h2>
      <p class="muted small export-why">{t('dataExport.why')}</p>
      <Show when={!online()}>
        <Notice kind="info">{t('dataExport.offline')}</Notice>
      </Show>
      <Show when={saved()}>{(name) => <Notice kind="success" testid="export-done">{t('dataExport.done', { file: name() })}</Notice>}</Show>
      <Show when={action.error()}>
        <Notice kind="error" testid="export-error">{action.error()}</Notice>
      </Show>
      <div class="actions">
        <button type="button" class="btn" disabled={action.busy() || !online()} aria-busy={action.busy()} onClick={download} data-testid="export-download">
          {action.busy() ? t('dataExport.running') : t('dataExport.download')}
        </button>
      </div>
    </section>
  );
}
