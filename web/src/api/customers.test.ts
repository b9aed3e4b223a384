import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { draftsInTheWay } from './customers';

describe('a refused erasure', () => {
  it('names the drafts that still refer to the customer', () => {
    const refusal = new ApiError(409, 'customer_has_drafts', 'delete these drafts first', { drafts: 'dc_AAAAAAAAAA, dc_BBBBBBBBBB' });
    expect(draftsInTheWay(refusal)).toEqual(['dc_AAAAAAAAAA', 'dc_BBBBBBBBBB']);
  });

  it('is not about drafts for any other refusal', () => {
    expect(draftsInTheWay(new ApiError(401, 'reauth_required', 'confirm'))).toBeNull();
    expect(draftsInTheWay(new Error('network'))).toBeNull();
  });
});
