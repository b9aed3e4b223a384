import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { maxContacts, type CustomerBook } from '@facturo/core';
import { addContact, contactFields, editContact, removeContact, type ContactField } from '../stores/contactEdits';
import { randomBase62 } from '../stores/ids';
import type { FieldErrors } from '../stores/workspaceEdits';
import { fieldErrorText, t } from '../i18n';
import { FieldControl, type FieldSpec } from './Field';
import { LiveField } from './LiveField';
import { useCompany } from './companyContext';
import type { EditingRoom } from './LiveSection';

const specs: Record<ContactField, FieldSpec> = {
  name: { name: 'name', label: 'contacts.name', kind: 'text', required: true, autocomplete: 'off' },
  role: { name: 'role', label: 'contacts.role', hint: 'contacts.roleHint', kind: 'text', suggestionsKey: 'contacts.roleSuggestions' },
  email: { name: 'email', label: 'field.email', kind: 'text', type: 'email', inputmode: 'email' },
  phone: { name: 'phone', label: 'field.phone', kind: 'text', type: 'tel', inputmode: 'tel' },
};
/** The role's hint only in the new contact's form: repeated on every contact it would be noise. */
const specFor = (field: ContactField, prefix: string, withHint = false): FieldSpec => ({ ...specs[field], id: `${prefix}-${field}`, hint: withHint ? specs[field].hint : undefined });

/** The people to talk to at a customer: each edited live like the rest of the customer, added from a small form. */
export function ContactsSection(props: { customerId: string; presencePrefix: string; book: CustomerBook; room: EditingRoom & { version: () => number } }) {
  const { can } = useCompany();
  const book = props.book;
  const room = props.room;
  const contacts = createMemo(() => (room.version(), book.contacts.of(props.customerId)));
  // Ids, not contact objects: each read makes new objects, and a row must not be rebuilt while someone types in it.
  const ids = createMemo(() => contacts().map((c) => c.id), undefined, { equals: (a, b) => a.join() === b.join() });
  const contact = (id: string) => contacts().find((c) => c.id === id);

  const [adding, setAdding] = createSignal(false);
  const [draft, setDraft] = createStore<Partial<Record<ContactField, string>>>({});
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const open = () => {
    setAdding(true);
    requestAnimationFrame(() => document.getElementById('new-contact-name')?.focus());
  };
  const close = () => {
    setAdding(false);
    setErrors({});
    for (const f of contactFields) setDraft(f, undefined);
  };
  const submit = () => {
    const result = addContact(book, props.customerId, `ct_${randomBase62(16)}`, draft);
    if (result.ok) return close();
    setErrors(result.errors);
    const first = contactFields.find((f) => f in result.errors);
    if (first) document.getElementById(`new-contact-${first}`)?.focus();
  };

  return (
    <fieldset class="card section contacts-section" disabled={!can('customers.edit') || room.readOnly()} data-testid="contacts-section">
      <legend class="section-title">{t('contacts.title')}</legend>
      <p class="hint section-hint">{t('contacts.hint')}</p>
      <Show when={ids().length === 0 && !adding()}>
        <p class="muted small" data-testid="contacts-empty">{t('contacts.empty')}</p>
      </Show>
      <ol class="contacts">
        <For each={ids()}>
          {(id, index) => (
            <li class="contact" data-testid="contact" data-contact-id={id}>
              <div class="contact-head">
                <span class="contact-number">{t('contacts.number', { n: index() + 1 })}</span>
                <button
                  type="button"
                  class="btn ghost small danger"
                  onClick={() => removeContact(book, props.customerId, id)}
                  aria-label={t('contacts.removeNamed', { name: contact(id)?.name ?? '' })}
                  data-testid="remove-contact"
                >
                  {t('contacts.remove')}
                </button>
              </div>
              <div class="grid">
                <For each={contactFields}>
                  {(field) => (
                    <LiveField
                      spec={specFor(field, `contact-${id}`)}
                      value={() => contact(id)?.[field]}
                      edit={(raw) => editContact(book, props.customerId, id, field, raw)}
                      others={room.others()}
                      presenceKey={`${props.presencePrefix}:contact:${id}:${field}`}
                      setEditing={room.setEditing}
                    />
                  )}
                </For>
              </div>
            </li>
          )}
        </For>
      </ol>
      <Show
        when={adding()}
        fallback={
          <Show when={ids().length < maxContacts} fallback={<p class="muted small">{t('contacts.full', { max: maxContacts })}</p>}>
            <button type="button" class="btn" onClick={open} data-testid="add-contact">+ {t('contacts.add')}</button>
          </Show>
        }
      >
        <div class="contact contact-new" data-testid="new-contact" onKeyDown={(e) => e.key === 'Enter' && e.target instanceof HTMLInputElement && (e.preventDefault(), submit())}>
          <p class="contact-number">{t('contacts.newTitle')}</p>
          <div class="grid">
            <For each={contactFields}>
              {(field) => (
                <FieldControl
                  spec={specFor(field, 'new-contact', true)}
                  value={draft[field] ?? ''}
                  error={errors()[field] ? fieldErrorText(errors()[field] ?? '') : null}
                  onInput={(raw) => setDraft(field, raw)}
                />
              )}
            </For>
          </div>
          <div class="actions">
            <button type="button" class="btn primary" onClick={submit} data-testid="save-contact">{t('contacts.save')}</button>
            <button type="button" class="btn" onClick={close}>{t('common.cancel')}</button>
          </div>
        </div>
      </Show>
    </fieldset>
  );
}
