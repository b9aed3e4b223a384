import { createMemo, For, Show } from 'solid-js';
import type { DocumentLine, LineAmounts } from '@facturo/core';
import { editLine, exemptCategories, frenchVatRates, needsExemptionReason, setLineCategory, setLineVat, vatChoiceOf } from '../../stores/draftEdits';
import { displayAmount } from '../../stores/fieldInput';
import type { DraftReplica } from '../../sync/draftReplica';
import { lang, t, type MessageKey } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';
import { problemText } from './problems';

const vatOptions = frenchVatRates.map((r) => ({ value: r, label: `lineVat.${r}` as MessageKey }));
const categoryOptions = exemptCategories.map((c) => ({ value: c, label: `vatCategory.${c}` as MessageKey }));

function specsFor(lineId: string): Record<string, FieldSpec> {
  const id = (f: string) => `line-${lineId}-${f}`;
  return {
    description: { name: 'description', id: id('description'), label: 'field.description', kind: 'text', control: 'textarea', rows: 2, wide: true },
    quantity: { name: 'quantity', id: id('quantity'), label: 'line.quantity', kind: 'decimal', inputmode: 'decimal' },
    unit: { name: 'unit', id: id('unit'), label: 'field.unit', kind: 'text', suggestionsKey: 'unit.suggestions', maxlength: 20 },
    unitPrice: { name: 'unitPrice', id: id('unitPrice'), label: 'field.unitPrice', kind: 'decimal', inputmode: 'decimal' },
    discountPercent: { name: 'discountPercent', id: id('discountPercent'), label: 'line.discount', kind: 'decimal', inputmode: 'decimal' },
    vat: { name: 'vatRate', id: id('vatRate'), label: 'line.vat', kind: 'text', control: 'select', options: vatOptions },
    vatCategory: { name: 'vatCategory', id: id('vatCategory'), label: 'line.vatCategory', kind: 'text', control: 'select', options: categoryOptions },
    exemptionReason: { name: 'exemptionReason', id: id('exemptionReason'), label: 'line.exemptionReason', kind: 'text', maxlength: 300 },
  };
}

/** One line of a draft: every field edits the document live; the line's problems show under it. */
export function LineEditor(props: {
  d: DraftReplica;
  lineId: string;
  index: number;
  amounts: LineAmounts | undefined;
  currency: string;
  problems: Record<string, string> | undefined;
  readOnly: boolean;
}) {
  const room = props.d.room;
  const draft = props.d.draft;
  const line = createMemo(() => (room.version(), draft.listLines().find((l) => l.id === props.lineId)));
  const specs = specsFor(props.lineId);
  const unitText = (u: string | undefined) => (u === 'unit' ? t('unit.default') : (u ?? ''));
  const field = (spec: FieldSpec, read: (l: DocumentLine) => string | undefined, edit: (raw: string) => ReturnType<typeof editLine>) => (
    <LiveField
      spec={spec}
      value={() => {
        const l = line();
        return l ? read(l) : undefined;
      }}
      edit={edit}
      others={room.others()}
      presenceKey={`line:${props.lineId}:${spec.name}`}
      setEditing={room.setEditing}
    />
  );
  const edit = (f: string, kind: FieldSpec['kind']) => (raw: string) => editLine(draft, props.lineId, f, kind, raw);
  const exempt = () => line()?.vatCategory !== 'S';
  const problems = () => Object.entries(props.problems ?? {});
  const remove = () => draft.removeLine(props.lineId);

  return (
    <Show when={line()}>
      <li class="line card" data-testid="invoice-line" data-line-id={props.lineId} classList={{ invalid: problems().length > 0 }}>
        <div class="line-head">
          <span class="line-number">{t('line.number', { n: props.index + 1 })}</span>
          <span class="line-total num" data-testid="line-total">
            {props.amounts ? displayAmount(props.amounts.netAmount, props.currency, lang()) : '—'}
            <span class="muted small"> {t('totals.exclTaxShort')}</span>
          </span>
          <Show when={!props.readOnly}>
            <button type="button" class="btn ghost small danger" onClick={remove} aria-label={t('line.removeNamed', { n: props.index + 1 })} data-testid="remove-line">
              {t('line.remove')}
            </button>
          </Show>
        </div>
        <div class="line-grid">
          {field(specs.description!, (l) => l.description, edit('description', 'text'))}
          {field(specs.quantity!, (l) => l.quantity, edit('quantity', 'decimal'))}
          {field(specs.unit!, (l) => unitText(l.unit), edit('unit', 'text'))}
          {field(specs.unitPrice!, (l) => l.unitPrice, edit('unitPrice', 'decimal'))}
          {field(specs.discountPercent!, (l) => l.discountPercent, edit('discountPercent', 'decimal'))}
          {field(specs.vat!, (l) => vatChoiceOf(l), (raw) => setLineVat(draft, line()!, raw))}
          <Show when={exempt()}>
            {field(specs.vatCategory!, (l) => l.vatCategory, (raw) => setLineCategory(draft, props.lineId, raw))}
            <Show when={needsExemptionReason(line()?.vatCategory ?? '')}>
              {field({ ...specs.exemptionReason!, suggestionsKey: `exemption.suggest.${line()?.vatCategory ?? 'E'}` as MessageKey }, (l) => l.exemptionReason, edit('exemptionReason', 'text'))}
            </Show>
          </Show>
        </div>
        <Show when={problems().length > 0}>
          <ul class="line-problems" data-testid="line-problems">
            <For each={problems()}>
              {([f, message]) => (
                <li class="field-error" data-field={f}>
                  {problemText(`lines[${props.index}].${f}`, message)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </li>
    </Show>
  );
}
