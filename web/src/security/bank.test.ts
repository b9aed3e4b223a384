import { describe, expect, it } from 'vitest';
import type { BankChange } from '../api/bank';
import { ApiError } from '../api/http';
import { bankFieldErrors, bankRefusal, mayDo, pastChanges, pendingChange } from './bank';

const change = (id: string, status: BankChange['status'], requestedBy = 'us_adam'): BankChange => ({
  id, target: 'company', iban: 'FR1420041010050500013M02606', bic: null, current: { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
  requestedBy, requestedAt: '2026-03-01T10:00:00Z', status, decidedBy: null, decidedAt: null, reason: null,
});

describe('changes of bank details', () => {
  it('finds the one request waiting, and lists the decided ones apart', () => {
    const list = [change('bk_3', 'pending'), change('bk_2', 'rejected'), change('bk_1', 'approved')];
    expect(pendingChange(list)?.id).toBe('bk_3');
    expect(pendingChange([change('bk_1', 'approved')])).toBeNull();
    expect(pastChanges(list).map((c) => c.id)).toEqual(['bk_2', 'bk_1']);
  });

  it('lets the asker withdraw, another member with bank.edit decide, and the rest only read', () => {
    const pending = change('bk_1', 'pending', 'us_adam');
    expect(mayDo(pending, { userId: 'us_adam', bankEdit: true })).toBe('withdraw');
    expect(mayDo(pending, { userId: 'us_olga', bankEdit: true })).toBe('decide');
    expect(mayDo(pending, { userId: 'us_rita', bankEdit: false })).toBe('read');
  });

  it('puts the server’s IBAN and BIC refusals in the reader’s words, by field', () => {
    const e = new ApiError(400, 'invalid', 'iban: …', {
      iban: 'This IBAN does not exist: its check digits (characters 3 and 4) do not match. Check for a typo.',
      bic: 'Enter the BIC (also called SWIFT code), e.g. BNPAFRPP or BNPAFRPPXXX.',
    });
    const fr = bankFieldErrors(e, 'fr');
    expect(fr.iban).toMatch(/IBAN/);
    expect(fr.iban).not.toBe(bankFieldErrors(e, 'en').iban);
    expect(fr.bic).toMatch(/BIC/);
    expect(bankFieldErrors(new ApiError(400, 'invalid', '', { iban: 'these are the bank details already in use' }), 'fr')).toEqual({ iban: 'Ce sont déjà les coordonnées bancaires de l’entreprise.' });
    expect(bankFieldErrors(new ApiError(409, 'bank_change_pending', ''), 'fr')).toEqual({});
  });

  it('explains the refusals a member can act on', () => {
    expect(bankRefusal(new ApiError(409, 'bank_change_pending', 'a change … is already waiting'))).toBe('bank.alreadyPending');
    expect(bankRefusal(new ApiError(409, 'not_pending', 'this change is already approved'))).toBe('bank.decidedMeanwhile');
    expect(bankRefusal(new ApiError(403, 'forbidden', 'a change of bank details needs a second person: someone else …'))).toBe('bank.notYourOwn');
    expect(bankRefusal(new ApiError(403, 'forbidden', 'only who asked for a change can withdraw it; others reject it'))).toBe('bank.onlyAsker');
    expect(bankRefusal(new ApiError(400, 'invalid', '', { reason: 'say why (at least 3 characters)' }))).toBe('bank.reasonTooShort');
    expect(bankRefusal(new Error('boom'))).toBeNull();
  });
});
