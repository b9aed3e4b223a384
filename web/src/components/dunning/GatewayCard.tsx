import { createResource, createSignal, For, Show } from 'solid-js';
import { gatewaysApi, type GatewayName, type GatewayView } from '../../api/dunning';
import { ApiError } from '../../api/http';
import { t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';
import { gatewayBody } from '../../stores/dunning/gatewayForm';
import { DunningField, dunningErrorText } from './DunningField';

interface GatewayInput {
  /** The server's field name. */
  name: string;
  label: MessageKey;
  /** Never shown back by the server: the field starts empty, and empty keeps the stored value. */
  secret?: boolean;
  /** A choice instead of free text. */
  options?: { value: string; label: MessageKey }[];
  /** Starts with what the server says is set (not a secret). */
  initial?: (v: GatewayView) => string;
}

export const gatewayInputs: Record<GatewayName, GatewayInput[]> = {
  stripe: [
    { name: 'secretKey', label: 'gateways.stripeSecretKey', secret: true },
    { name: 'webhookSecret', label: 'gateways.stripeWebhookSecret', secret: true },
  ],
  paypal: [
    { name: 'clientId', label: 'gateways.paypalClientId', initial: (v) => v.clientId ?? '' },
    { name: 'clientSecret', label: 'gateways.paypalSecret', secret: true },
    { name: 'webhookId', label: 'gateways.paypalWebhookId', initial: (v) => v.webhookId ?? '' },
    { name: 'environment', label: 'gateways.paypalEnvironment', options: [{ value: 'sandbox', label: 'gateways.env.sandbox' }, { value: 'live', label: 'gateways.env.live' }], initial: (v) => (v.mode === 'live' ? 'live' : 'sandbox') },
  ],
};

/** A secret typed once, masked, never filled by the browser's password manager; empty keeps the stored one. */
function SecretField(props: { gateway: GatewayName; input: GatewayInput; value: string; configured: boolean; error: string | null; onInput: (raw: string) => void }) {
  const id = () => `g-${props.gateway}-${props.input.name}`;
  return (
    <div class="field" classList={{ invalid: props.error !== null }} data-field={props.input.name}>
      <label for={id()}>{t(props.input.label)}</label>
      <input
        id={id()} type="password" autocomplete="new-password" spellcheck={false} value={props.value} placeholder={props.configured ? '••••••••' : ''}
        aria-describedby={`${id()}-hint`} aria-invalid={props.error ? 'true' : undefined} data-testid={`gateway-${props.input.name}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Show when={props.error} fallback={<p class="hint" id={`${id()}-hint`}>{t('gateways.secretKeep')}</p>}>
        <p class="field-error" id={`${id()}-hint`} role="alert" data-testid="field-error">{props.error}</p>
      </Show>
    </div>
  );
}

/** One gateway's set-up: whether and how it is configured, the webhook URL to paste at the gateway, its form. */
export function GatewayCard(props: { companyId: string; gateway: GatewayName; title: string; editable: boolean }) {
  const [view, { mutate }] = createResource(() => props.companyId, (id) => gatewaysApi.get(id, props.gateway));
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [said, setSaid] = createSignal<'saved' | 'removed' | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const valueOf = (input: GatewayInput) => values()[input.name] ?? (input.initial && view() ? input.initial(view()!) : '');
  const act = async (run: () => Promise<GatewayView>, outcome: 'saved' | 'removed') => {
    setSaid(null);
    setFailure(null);
    try {
      mutate(await run());
      setValues({});
      setErrors({});
      setSaid(outcome);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      else setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const all = Object.fromEntries(gatewayInputs[props.gateway].map((i) => [i.name, valueOf(i)]));
    void act(() => gatewaysApi.put(props.companyId, props.gateway, gatewayBody(all)), 'saved');
  };

  return (
    <section class="card section" data-testid={`gateway-${props.gateway}`}>
      <h2 class="section-title">{props.title}</h2>
      <Show when={view()}>
        {(v) => (
          <>
            <p data-testid="gateway-status" class="gateway-status" classList={{ configured: v().configured }}>
              {v().configured ? (v().mode ? t('gateways.configuredMode', { mode: t(`gateways.mode.${v().mode!}` as MessageKey) }) : t('gateways.configured')) : t('gateways.notConfigured')}
            </p>
            <p class="gateway-webhook">
              {t('gateways.webhookUrl')} : <code data-testid="gateway-webhook-url">{v().webhookUrl}</code>
            </p>
          </>
        )}
      </Show>
      <Show when={failure()}>{(f) => <Notice kind="error">{f()}</Notice>}</Show>
      <Show when={said()}>{(s) => <Notice kind="success" testid="gateway-said">{t(s() === 'saved' ? 'gateways.saved' : 'gateways.removed')}</Notice>}</Show>
      <form class="form" onSubmit={save} novalidate>
        <fieldset class="plain" disabled={!props.editable}>
          <div class="grid">
            <For each={gatewayInputs[props.gateway]}>
              {(input) => (
                <Show
                  when={input.secret}
                  fallback={
                    <DunningField
                      field={input.name} label={input.label} value={valueOf(input)} errors={errors()} testid={`gateway-${input.name}`}
                      onInput={(raw) => setValues((all) => ({ ...all, [input.name]: raw }))}
                      {...(input.options ? { options: input.options.map((o) => ({ value: o.value, label: t(o.label) })) } : {})}
                    />
                  }
                >
                  <SecretField gateway={props.gateway} input={input} value={valueOf(input)} configured={view()?.configured === true} error={dunningErrorText(errors()[input.name])} onInput={(raw) => setValues((all) => ({ ...all, [input.name]: raw }))} />
                </Show>
              )}
            </For>
          </div>
          <Show when={props.editable}>
            <div class="actions">
              <button type="submit" class="btn primary" data-testid={`gateway-save-${props.gateway}`}>{t('gateways.save')}</button>
              <Show when={view()?.configured}>
                <button type="button" class="btn" onClick={() => void act(() => gatewaysApi.remove(props.companyId, props.gateway), 'removed')}>{t('gateways.remove')}</button>
              </Show>
            </div>
          </Show>
        </fieldset>
      </form>
    </section>
  );
}
