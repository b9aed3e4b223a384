import { describe, expect, it } from 'vitest';
import { gatewayBody } from './gatewayForm';

describe('gateway form', () => {
  it('leaves out an empty secret so the stored one is kept', () => {
    expect(gatewayBody({ secretKey: '', webhookSecret: ' whsec_abc ' })).toEqual({ webhookSecret: 'whsec_abc' });
  });

  it('sends nothing when nothing was typed', () => {
    expect(gatewayBody({ clientId: '  ', clientSecret: '' })).toEqual({});
  });
});
