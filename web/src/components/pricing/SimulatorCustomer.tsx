import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { createCustomerRecord } from '../customerRecord';
import { lang, t } from '../../i18n';
import { useCompany } from '../companyContext';
import { createCustomerRows } from '../customerRows';
import { sameFields, simulationFieldsOf, type SimulationCustomerFields } from './customerFields';

interface Filled {
  customerId: string;
  fields: SimulationCustomerFields;
}

/**
 * "Fill from a customer": one of the company's customers, read from its own document on this device (offline
 * too), fills the simulator's customer fields; the person can still change them. A change to the customer's
 * record while chosen fills them again.
 */
export function SimulatorCustomer(props: { onFill: (fields: SimulationCustomerFields) => void }) {
  const { company, replica } = useCompany();
  const rows = createCustomerRows(company.id);
  const choices = createMemo(() => {
    replica.version();
    return [...rows().values()]
      .filter((r) => !r.archived && !replica.workspace.customerEntry(r.id)?.erasedAt)
      .sort((a, b) => a.name.localeCompare(b.name, lang()));
  });
  const [chosen, setChosen] = createSignal('');
  const customer = createCustomerRecord(company.id, replica.workspace, () => chosen() || undefined);
  const filled = createMemo<Filled | null>(
    () => {
      const c = customer();
      return c ? { customerId: c.id, fields: simulationFieldsOf(c) } : null;
    },
    null,
    { equals: (a, b) => a === b || (a !== null && b !== null && a.customerId === b.customerId && sameFields(a.fields, b.fields)) },
  );
  createEffect(on(filled, (f) => f && props.onFill(f.fields)));

  return (
    <div class="field sim-from-customer">
      <label for="sim-customer-pick">{t('sim.fromCustomer')}</label>
      <select id="sim-customer-pick" data-testid="sim-customer-pick" value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">{t('sim.fromCustomerNone')}</option>
        <For each={choices()}>{(r) => <option value={r.id} selected={r.id === chosen()}>{r.city ? `${r.name} — ${r.city}` : r.name}</option>}</For>
      </select>
      <Show when={chosen() && !filled()} fallback={<p class="hint">{t('sim.fromCustomerHelp')}</p>}>
        <p class="hint" data-testid="sim-customer-loading">{t('sim.fromCustomerLoading')}</p>
      </Show>
    </div>
  );
}
