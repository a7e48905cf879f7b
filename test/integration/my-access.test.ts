import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedGovernance } from '../../seeds/governance.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

interface Access {
  code: string;
  owner: string;
  sharing: string;
  readable: boolean;
  masked: boolean;
  deniedReason: string | null;
  agreementId: string | null;
  grantedPurposes: string[];
  legalBasis: string;
  fields: { typeName: string; fieldName: string; personal: boolean }[];
}

const MY_ACCESS = `query ($purpose: Purpose) { me { organisation kind purpose } myAccess(purpose: $purpose) {
  code owner sharing readable masked deniedReason agreementId grantedPurposes legalBasis fields { typeName fieldName personal } } }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 10 });
  await seedGovernance(hub.orm.em.fork());
});
afterAll(async () => {
  await hub?.close();
});

async function accessOf(principal = PRINCIPALS.bank, purpose?: string, headerPurpose?: string) {
  const res = await hub.as({ principal, purpose: headerPurpose })<{
    me: Record<string, unknown>;
    myAccess: Access[];
  }>(MY_ACCESS, { purpose });
  expect(res.body.errors).toBeUndefined();
  return { me: res.body.data!.me, byCode: new Map(res.body.data!.myAccess.map((a) => [a.code, a])) };
}

describe('what may I read?', () => {
  it('tells the Xiamen bank which resources its agreements open, for which purpose', async () => {
    const { me, byCode } = await accessOf(PRINCIPALS.bank, 'CREDIT_ASSESSMENT');
    expect(me).toEqual({ organisation: 'BANK_XM_001', kind: 'BANK', purpose: null });
    expect(byCode.get('credit.taxGrades')).toMatchObject({
      readable: true,
      grantedPurposes: ['CREDIT_ASSESSMENT'],
      deniedReason: null,
    });
    expect(byCode.get('credit.taxGrades')!.agreementId).toBeTruthy();
    expect(byCode.get('credit.penalties')).toMatchObject({
      sharing: 'UNCONDITIONAL',
      readable: true,
      agreementId: null,
    });
    expect(byCode.get('sciTech.rdSpending')).toMatchObject({ readable: false, deniedReason: 'NO_AGREEMENT' });
    // Pending application: not yet a grant.
    expect(byCode.get('transport.vehicles')).toMatchObject({ readable: false, deniedReason: 'NO_AGREEMENT' });
    expect(byCode.get('registry.basic')).toMatchObject({ readable: true, masked: false });
    expect(byCode.get('registry.legalRepresentativeIdentity')!.fields).toEqual([
      { typeName: 'LegalRepresentative', fieldName: 'idNumber', personal: true },
    ]);
  });

  it('answers per purpose: another purpose, or none, is not granted', async () => {
    const supervision = await accessOf(PRINCIPALS.bank, 'SUPERVISION');
    expect(supervision.byCode.get('credit.taxGrades')).toMatchObject({
      readable: false,
      deniedReason: 'PURPOSE_NOT_GRANTED',
    });
    const none = await accessOf(PRINCIPALS.bank);
    expect(none.byCode.get('credit.taxGrades')).toMatchObject({
      readable: false,
      deniedReason: 'PURPOSE_REQUIRED',
    });
    const fromHeader = await accessOf(PRINCIPALS.bank, undefined, 'CREDIT_ASSESSMENT');
    expect(fromHeader.byCode.get('credit.taxGrades')!.readable).toBe(true);
  });

  it('expired and revoked agreements open nothing', async () => {
    const { byCode } = await accessOf(PRINCIPALS.otherBank, 'CREDIT_ASSESSMENT');
    expect(byCode.get('transport.vehicles')).toMatchObject({ readable: false, deniedReason: 'NO_AGREEMENT' });
    expect(byCode.get('credit.taxGrades')).toMatchObject({ readable: false, deniedReason: 'NO_AGREEMENT' });
    expect(byCode.get('sciTech.rdSpending')!.readable).toBe(true);
  });

  it('owners read all of their own resources, unmasked', async () => {
    const { byCode } = await accessOf(PRINCIPALS.marketRegulation);
    for (const a of byCode.values()) {
      if (a.owner === 'MARKET_REGULATION')
        expect({ code: a.code, readable: a.readable, masked: a.masked }).toEqual({
          code: a.code,
          readable: true,
          masked: false,
        });
    }
    expect(byCode.get('credit.taxGrades')!.readable).toBe(false);
  });

  it('agrees with what a read actually returns', async () => {
    const headers = { principal: PRINCIPALS.bank, purpose: 'CREDIT_ASSESSMENT' };
    const read = await hub.as(headers)(
      '{ enterprise(uscc: "91440101MA5CJQ4N59") { taxGrades { totalCount } rdSpending { totalCount } } }',
    );
    expect(read.body.data).toEqual({
      enterprise: { taxGrades: { totalCount: expect.any(Number) }, rdSpending: null },
    });
    expect(read.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.reason])).toEqual([
      ['enterprise.rdSpending', 'NO_AGREEMENT'],
    ]);
  });
});
