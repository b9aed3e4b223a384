import { For } from 'solid-js';
import type { Product } from '@facturo/core';
import { emptySection, type TemplateSectionForm } from '../../stores/templateForm';
import { t } from '../../i18n';
import { TextInput } from '../pricing/TextInput';
import { inputId } from '../pricing/TextInput';
import { focusText } from './VariablePicker';
import { SectionImage } from './SectionImage';
import { SectionLines } from './SectionLines';

/** The template's sections in order: title, text with variables, an image, lines. */
export function TemplateSections(props: { sections: TemplateSectionForm[]; set: (s: TemplateSectionForm[]) => void; products: Product[]; errors: Record<string, string> }) {
  const patch = (i: number, p: Partial<TemplateSectionForm>) => props.set(props.sections.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const move = (i: number, by: number) => {
    const next = [...props.sections];
    const [s] = next.splice(i, 1);
    if (s) next.splice(i + by, 0, s);
    props.set(next);
  };
  return (
    <section class="card section" data-testid="template-sections">
      <h2 class="section-title">{t('tpl.sections')}</h2>
      <ol class="repeat-list">
        <For each={props.sections}>
          {(s, i) => (
            <li class="repeat-item" data-testid="template-section">
              <div class="repeat-head">
                <h3>{t('tpl.section', { n: i() + 1 })}</h3>
                <div class="actions">
                  <button type="button" class="btn small ghost" disabled={i() === 0} onClick={() => move(i(), -1)}>↑ {t('tpl.moveUp')}</button>
                  <button type="button" class="btn small ghost" disabled={i() === props.sections.length - 1} onClick={() => move(i(), 1)}>↓ {t('tpl.moveDown')}</button>
                  <button type="button" class="btn small ghost" disabled={props.sections.length === 1} onClick={() => props.set(props.sections.filter((_, j) => j !== i()))}>{t('tpl.removeSection')}</button>
                </div>
              </div>
              <TextInput field={`sections[${i()}].title`} label="tpl.sectionTitle" wide value={s.title} onInput={(v) => patch(i(), { title: v })} errors={props.errors} />
              <div onFocusIn={() => focusText({ id: inputId(`sections[${i()}].text`), value: () => props.sections[i()]?.text ?? '', set: (v) => patch(i(), { text: v }) })}>
                <TextInput field={`sections[${i()}].text`} label="tpl.sectionText" wide textarea rows={3} value={s.text} onInput={(v) => patch(i(), { text: v })} errors={props.errors} />
              </div>
              <SectionImage id={`section-${i()}-image`} value={s.image} set={(v) => patch(i(), { image: v })} error={props.errors[`sections[${i()}].image`]} />
              <SectionLines section={i()} lines={s.lines} set={(lines) => patch(i(), { lines })} products={props.products} errors={props.errors} />
            </li>
          )}
        </For>
      </ol>
      <div>
        <button type="button" class="btn" onClick={() => props.set([...props.sections, emptySection()])} data-testid="add-section">{t('tpl.addSection')}</button>
      </div>
    </section>
  );
}
