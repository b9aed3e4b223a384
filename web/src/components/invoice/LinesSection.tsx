import { createMemo, For, Show } from 'solid-js';
import type { InvoiceTotals, Workspace } from '@facturo/core';
import { addFreeLine, addProductLine } from '../../stores/draftEdits';
import { displayPrice } from '../../stores/fieldInput';
import { newId } from '../../stores/ids';
import type { DraftReplica } from '../../sync/draftReplica';
import { lang, t } from '../../i18n';
import { LineEditor } from './LineEditor';

/** The lines of a draft, each edited live, and the ways to add one (free text, from a product). */
export function LinesSection(props: {
  d: DraftReplica;
  ws: Workspace;
  version: () => number;
  totals: InvoiceTotals | null;
  lineProblems: Map<number, Record<string, string>>;
  currency: string;
  readOnly: boolean;
}) {
  const room = props.d.room;
  const draft = props.d.draft;
  // Keyed by id, so a keystroke re-renders no line and no input loses focus.
  const lineIds = createMemo(() => (room.version(), draft.listLines().map((l) => l.id)), [], { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) });
  const products = createMemo(() => (props.version(), props.ws.listProducts()));
  const settings = () => props.ws.readSettings();
  const focusLast = () => {
    const last = lineIds()[lineIds().length - 1];
    if (last) queueMicrotask(() => document.getElementById(`line-${last}-description`)?.focus());
  };
  const addFree = () => {
    addFreeLine(draft, newId('ln'), settings());
    focusLast();
  };
  const addProduct = (select: HTMLSelectElement) => {
    const product = props.ws.getProduct(select.value);
    select.value = ''; // back to "choose…", ready for the next product
    if (product) addProductLine(draft, newId('ln'), product, settings());
  };
  const price = (unitPrice: string) => displayPrice(unitPrice, props.currency, lang());

  return (
    <section class="lines-section" aria-labelledby="lines-title">
      <h2 class="section-title" id="lines-title">{t('lines.title')}</h2>
      <Show when={lineIds().length > 0} fallback={<p class="empty small" data-testid="no-lines">{t('lines.empty')}</p>}>
        <fieldset class="plain" disabled={props.readOnly}>
        <ol class="lines" data-testid="invoice-lines">
          <For each={lineIds()}>
            {(id, i) => (
              <LineEditor
                d={props.d}
                lineId={id}
                index={i()}
                amounts={props.totals?.lines[i()]}
                currency={props.currency}
                problems={props.lineProblems.get(i())}
                readOnly={props.readOnly}
              />
            )}
          </For>
        </ol>
        </fieldset>
      </Show>
      <Show when={!props.readOnly}>
        <div class="add-lines">
          <button type="button" class="btn" id="add-line" onClick={addFree} data-testid="add-line">
            + {t('lines.addFree')}
          </button>
          <Show when={products().length > 0}>
            <div class="field add-product">
              <label for="add-product">{t('lines.addProduct')}</label>
              <select id="add-product" onChange={(e) => addProduct(e.currentTarget)} data-testid="add-product">
                <option value="">{t('lines.chooseProduct')}</option>
                <For each={products()}>{(p) => <option value={p.id}>{`${p.name} — ${price(p.unitPrice)}`}</option>}</For>
              </select>
            </div>
          </Show>
        </div>
      </Show>
    </section>
  );
}
