import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/audit';
import { builtInRoleInfos } from '../auth/roles';
import { eventLine } from './events';
import type { Reading } from './reading';

const reading = (lang: 'fr' | 'en' = 'fr'): Reading => ({
  lang,
  members: new Map([['us_olga', 'Olga'], ['us_rita', 'Rita']]),
  tokens: new Map([['tk_compta', 'Export comptable']]),
  roles: [...builtInRoleInfos, { id: 'cr_relances1', name: 'Relances', builtIn: false, permissions: ['company.read', 'customers.edit'] }],
});
const item = (event: Record<string, unknown>, actor: string | null = 'us_olga', actorName: string | null = null): Pick<AuditEvent, 'actor' | 'actorName' | 'event'> => ({ actor, actorName, event });
const line = (event: Record<string, unknown>, actor?: string | null, lang: 'fr' | 'en' = 'fr') => eventLine(item(event, actor), reading(lang));

describe('audit events as sentences', () => {
  it('says who connected, from where and with which device', () => {
    expect(line({ type: 'connected', ip: '203.0.113.9', device: 'Firefox_Windows_00aa11' }).sentence).toBe('Olga s’est connecté(e) depuis 203.0.113.9 avec Firefox sur Windows (00aa11)');
    expect(line({ type: 'connected', ip: '203.0.113.9', device: null }, 'us_olga', 'en')).toMatchObject({ topic: 'access', sentence: 'Olga connected from 203.0.113.9 with an unnamed device' });
  });

  it('names roles in words, built-in or the company’s own, when a member’s role changes', () => {
    expect(line({ type: 'member_role_changed', member: 'us_rita', before: 'cr_relances1', after: 'accountant' }).sentence).toBe('Olga a donné à Rita le rôle « Comptable » (avant : « Relances »)');
    expect(line({ type: 'member_removed', member: 'us_rita', role: 'sales' }, 'us_olga', 'en').sentence).toBe('Olga removed Rita from the company (role “Sales”)');
  });

  it('lists a new role’s permissions as the roles page names them', () => {
    expect(line({ type: 'role_created', name: 'Relances', permissions: ['company.read', 'customers.edit'] }).sentence).toBe('Olga a créé le rôle « Relances » : consulter l’entreprise et modifier les clients');
  });

  it('names API tokens and says when they expire', () => {
    expect(line({ type: 'token_created', token: 'tk_compta', role: 'accountant', scopes: null, expiresAt: '2027-03-01T10:00:00.000Z' })).toMatchObject({
      topic: 'tokens',
      sentence: 'Olga a créé le jeton d’API « Export comptable », avec le rôle « Comptable », valable jusqu’au 1 mars 2027',
    });
    expect(line({ type: 'token_created', token: 'tk_other', role: 'viewer', expiresAt: null }).sentence).toBe('Olga a créé un jeton d’API, avec le rôle « Lecture seule », sans expiration');
    // The name the event carries, for readers who cannot list the tokens (or once it is gone).
    expect(line({ type: 'token_revoked', token: 'tk_gone', name: 'Ancien ERP' }).sentence).toContain('Ancien ERP');
    expect(line({ type: 'role_deleted', role: 'cr_gone0000', name: 'Stagiaires' }).sentence).toContain('Stagiaires');
    expect(line({ type: 'token_revoked', token: 'tk_compta' }).sentence).toBe('Olga a révoqué le jeton d’API « Export comptable »');
  });

  it('reads the bank details events: the alerts of a request and an approval, a rejection with its reason, a withdrawal', () => {
    const asked = line({ type: 'alert', kind: 'bank_change_requested', from: 'FR7630006000011234567890189', to: 'FR1420041010050500013M02606' }, 'us_rita');
    expect(asked).toEqual({ topic: 'bank', warning: true, sentence: 'Demande de changement de RIB par Rita : FR76…0189 → FR14…2606' });
    expect(line({ type: 'bank_change_rejected', change: 'bk_1', reason: 'Pas de RIB signé' }).sentence).toBe('Olga a refusé le changement de RIB : « Pas de RIB signé »');
    expect(line({ type: 'bank_change_withdrawn', change: 'bk_1' }, 'us_rita').sentence).toBe('Rita a retiré sa demande de changement de RIB');
  });

  it('flags the writes the server refused, saying what the role lacked', () => {
    expect(line({ type: 'write_refused', missing: ['bank.edit'], bytes: 40 }, 'us_rita')).toEqual({
      topic: 'refused', warning: true, sentence: 'Modification de Rita refusée : son rôle ne permet pas de modifier les coordonnées bancaires',
    });
    expect(line({ type: 'update_after_issue_refused', number: 'F-2026-00012' }, 'us_rita').sentence).toBe('Modification de Rita refusée : la facture F-2026-00012 était déjà émise');
  });

  it('tells a quote’s life: who submitted, sent, revised it, and the client who opened, signed or declined it', () => {
    expect(line({ type: 'quote_submit', status: 'pending_approval', version: 1 }).sentence).toBe('Olga a soumis le devis v1 (statut : En validation)');
    expect(line({ type: 'quote_decide', status: 'changes_requested', version: 1, decision: 'request_changes', step: 2 }, 'us_rita').sentence).toBe('Rita a demandé des modifications sur l’étape 2 du devis v1');
    expect(line({ type: 'quote_decide', status: 'approved', version: 1, decision: 'approve', step: 1 }, 'us_rita', 'en').sentence).toBe('Rita approved step 1 of quote v1');
    expect(line({ type: 'quote_send', status: 'sent', version: 1, number: 'D-2026-00012' }).sentence).toBe('Olga a envoyé le devis D-2026-00012 au client');
    expect(line({ type: 'quote_accept', status: 'accepted', version: 1, number: 'D-2026-00012' }, 'client').sentence).toBe('Le client a accepté et signé le devis D-2026-00012');
    expect(line({ type: 'quote_decline', status: 'declined', version: 2, number: 'D-2026-00012' }, 'client', 'en').sentence).toBe('The client declined quote D-2026-00012');
    expect(line({ type: 'quote_revise', status: 'draft', version: 2, number: 'D-2026-00012' }).topic).toBe('quotes');
    expect(line({ type: 'update_to_locked_quote_refused', quote: 'D-2026-00012', status: 'sent' }, 'us_rita')).toMatchObject({
      topic: 'refused', sentence: 'Modification de Rita refusée : le devis D-2026-00012 n’était plus modifiable (Envoyé)',
    });
  });

  it('says which invoice or credit note was issued and sent', () => {
    expect(line({ type: 'document_issued', number: 'F-2026-00012', kind: 'invoice' }).sentence).toBe('Olga a émis la facture F-2026-00012');
    expect(line({ type: 'document_issued', number: 'AV-2026-00001', kind: 'credit_note' }, 'us_olga', 'en').sentence).toBe('Olga issued credit note AV-2026-00001');
    expect(line({ type: 'document_sent', number: 'F-2026-00012', to: 'compta@client.fr' }).sentence).toBe('Olga a envoyé la facture F-2026-00012 à compta@client.fr');
    expect(line({ type: 'document_archived', number: 'F-2026-00012', pdf: 'a1b2c3d4e5f60718293a', cii: 'x', ubl: 'y' }).sentence).toBe('Olga a archivé F-2026-00012 : PDF Factur-X, XML CII et UBL, scellés avec leur empreinte (PDF : a1b2c3d4e5f6…)');
    expect(line({ type: 'customer_erased', customer: 'cu_julie0001', reason: 'demande du 1er décembre' }, 'us_olga', 'en').sentence).toBe('Olga erased the personal data of customer cu_julie0001 (reason: “demande du 1er décembre”)');
  });

  it('explains an acknowledged break of the log with the owner’s note', () => {
    const ack = line({ type: 'integrity_acknowledged', companySeq: 42, seq: 99, reason: 'entry 42 is missing (found 43 next)', note: 'Sauvegarde restaurée' });
    expect(ack).toMatchObject({ topic: 'integrity', warning: true });
    expect(ack.sentence).toBe('Olga a pris acte de l’altération du journal (entrée n° 42 : l’entrée n° 42 manque) : « Sauvegarde restaurée »');
  });

  it('names Facturo itself for the demo data and the command line, and tokens by the server’s name when the page has no list', () => {
    expect(line({ type: 'company_created', name: 'Studio Boréal', demo: true }, 'system:demo').sentence).toBe('Facturo (données de démonstration) a créé l’entreprise « Studio Boréal »');
    expect(eventLine(item({ type: 'role_deleted', role: 'cr_gone' }, 'token:tk_zz', 'API: Intégration'), reading()).sentence).toBe('Le jeton d’API « Intégration » a supprimé le rôle « Rôle personnalisé »');
  });

  it('shows an event of an unknown type plainly, with its simple fields', () => {
    expect(line({ type: 'quote_approved', number: 'D-12', amount: 1200, lines: [1, 2] })).toEqual({ topic: 'other', warning: false, sentence: 'Olga : « quote_approved » (number : D-12, amount : 1200)' });
    expect(line({ type: 'ping' }).sentence).toBe('Olga : « ping »');
    expect(eventLine(item({ bytes: 3 }), reading()).sentence).toBe('Olga : « ? » (bytes : 3)');
  });
});
