/**
 * What the gateway form sends (PUT /companies/{id}/gateways/…): the fields filled in, trimmed. A secret is never shown
 * back, so its field starts empty, and an empty field must keep the stored value: it is left out, not sent as "".
 */
export function gatewayBody(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()] as const).filter(([, v]) => v !== ''));
}
