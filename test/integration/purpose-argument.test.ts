import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type Caller, type TestHub } from '../helpers/test-hub.js';

// portfolioRisk(purpose:) declares the operation's purpose of use as the X-Purpose header does.
const CLEAN = '91350100M000100Y43';
const TECH = '91310230MA1K314J7C';

interface Item {
  uscc: string | null;
  status: string;
  profile: { grade: string } | null;
}
type Portfolio = { portfolioRisk: Item[] };
type Errors = { message: string; path?: string[]; extensions?: Record<string, unknown> }[];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 20 });
});
afterAll(async () => {
  await hub?.close();
});

// TEST_READER holds an agreement on risk.profile for CREDIT_ASSESSMENT only.
const noHeader: Caller = { principal: PRINCIPALS.reader };
const header = (purpose: Purpose): Caller => ({ principal: PRINCIPALS.reader, purpose });
const codes = [CLEAN, TECH];

const newestLog = async () =>
  (await hub.orm.em.fork().find(AccessLogEntity, {}, { orderBy: { id: 'desc' }, limit: 1 }))[0];

describe('portfolioRisk(purpose:)', () => {
  it('without header or argument, the profiles are refused for want of a purpose', async () => {
    const res = await hub.as(noHeader)<Portfolio>(
      `query ($usccs: [String!]!) { portfolioRisk(usccs: $usccs) { uscc status profile { grade } } }`,
      { usccs: codes },
    );
    expect(res.body.data!.portfolioRisk.map((i) => i.profile)).toEqual([null, null]);
    const errors = res.body.errors as Errors;
    expect(errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(errors[0]!.message).toMatch(/declare the purpose of use/);
  });

  it('an enum literal declares the purpose: the agreed profiles are served and logged under it', async () => {
    const res = await hub.as(noHeader)<Portfolio>(
      `query BankPortfolio { portfolioRisk(usccs: ["${CLEAN}", "${TECH}"], purpose: CREDIT_ASSESSMENT) {
         uscc status profile { grade } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.portfolioRisk.map((i) => i.status)).toEqual(['OK', 'OK']);
    expect(res.body.data!.portfolioRisk.every((i) => /^[A-E]$/.test(i.profile!.grade))).toBe(true);
    expect(await newestLog()).toMatchObject({
      operationName: 'BankPortfolio',
      organisation: 'TEST_READER',
      purpose: Purpose.CREDIT_ASSESSMENT,
      // The profiles' signals from conditional resources are logged as derived use of them.
      resources: expect.arrayContaining(['risk.profile']),
    });
  });

  it('a variable declares it too, and a purpose the agreement does not list is refused', async () => {
    const doc = `query ($usccs: [String!]!, $purpose: Purpose) {
      portfolioRisk(usccs: $usccs, purpose: $purpose) { status profile { grade } } }`;
    const granted = await hub.as(noHeader)<Portfolio>(doc, { usccs: codes, purpose: 'CREDIT_ASSESSMENT' });
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data!.portfolioRisk.every((i) => i.profile !== null)).toBe(true);

    const other = await hub.as(noHeader)<Portfolio>(doc, { usccs: codes, purpose: 'STATISTICS' });
    expect(other.body.data!.portfolioRisk.map((i) => i.profile)).toEqual([null, null]);
    expect((other.body.errors as Errors)[0]!.message).toMatch(/does not cover the declared purpose/);
    expect(await newestLog()).toMatchObject({ purpose: Purpose.STATISTICS });
  });

  it('agrees with an identical X-Purpose header', async () => {
    const res = await hub.as(header(Purpose.CREDIT_ASSESSMENT))<Portfolio>(
      `{ portfolioRisk(usccs: ["${CLEAN}"], purpose: CREDIT_ASSESSMENT) { profile { grade } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.portfolioRisk[0]!.profile).not.toBeNull();
  });

  it('refuses an argument that disagrees with the header, naming both, before reading anything', async () => {
    const res = await hub.as(header(Purpose.STATISTICS))<Portfolio>(
      `{ portfolioRisk(usccs: ["${CLEAN}"], purpose: CREDIT_ASSESSMENT) { profile { grade } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    const [error] = res.body.errors as Errors;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'purpose' });
    expect(error!.message).toBe(
      'The purpose argument CREDIT_ASSESSMENT disagrees with the x-purpose header STATISTICS; declare one purpose per operation',
    );
  });

  it('refuses two fields of one operation that declare different purposes, through fragments too', async () => {
    const res = await hub.as(noHeader)<Portfolio>(
      `query { a: portfolioRisk(usccs: ["${CLEAN}"], purpose: CREDIT_ASSESSMENT) { status }
               ...B }
       fragment B on Query { b: portfolioRisk(usccs: ["${TECH}"], purpose: SUPERVISION) { profile { grade } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    const [error] = res.body.errors as Errors;
    expect(error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      purposes: ['CREDIT_ASSESSMENT', 'SUPERVISION'],
    });
    expect(error!.message).toMatch(
      /one purpose of use, but its fields declare CREDIT_ASSESSMENT and SUPERVISION/,
    );
  });

  it('counts only fields that run: @skip and @include are honoured', async () => {
    const res = await hub.as(noHeader)<Portfolio & { b: Item[] }>(
      `query ($law: Boolean = false) {
         a: portfolioRisk(usccs: ["${CLEAN}"], purpose: SUPERVISION) @skip(if: true) { status }
         c: portfolioRisk(usccs: ["${CLEAN}"], purpose: LAW_ENFORCEMENT) @include(if: $law) { status }
         b: portfolioRisk(usccs: ["${TECH}"], purpose: CREDIT_ASSESSMENT) { status profile { grade } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.b[0]!.profile).not.toBeNull();
    expect(await newestLog()).toMatchObject({ purpose: Purpose.CREDIT_ASSESSMENT });

    const included = await hub.as(noHeader)<Portfolio>(
      `query ($law: Boolean = false) {
         c: portfolioRisk(usccs: ["${CLEAN}"], purpose: LAW_ENFORCEMENT) @include(if: $law) { status }
         b: portfolioRisk(usccs: ["${TECH}"], purpose: CREDIT_ASSESSMENT) { status } }`,
      { law: true },
    );
    expect((included.body.errors as Errors)[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      purposes: ['CREDIT_ASSESSMENT', 'LAW_ENFORCEMENT'],
    });
  });

  it('does not let myAccess(purpose:) declare the operation’s purpose', async () => {
    const res = await hub.as(noHeader)<{ myAccess: unknown[] } & Portfolio>(
      `{ myAccess(purpose: CREDIT_ASSESSMENT) { code } portfolioRisk(usccs: ["${CLEAN}"]) { profile { grade } } }`,
    );
    expect(res.body.data!.portfolioRisk[0]!.profile).toBeNull();
    expect((res.body.errors as Errors).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('portfolioRisk(purpose:) with AUTHZ_MODE=reject', () => {
  let strict: TestHub;
  beforeAll(async () => {
    // Another instance on the file's database (its 20 enterprises and agreements).
    strict = await startTestHub({ sharing: hub, env: { AUTHZ_MODE: 'reject' } });
  });
  afterAll(async () => {
    await strict?.close();
  });
  const doc = `{ portfolioRisk(usccs: ["${CLEAN}"], purpose: CREDIT_ASSESSMENT) { profile { grade } } }`;

  it('decides the whole operation under the argument’s purpose', async () => {
    const res = await strict.as(noHeader)<Portfolio>(doc);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.portfolioRisk[0]!.profile).not.toBeNull();
  });

  it('still refuses the operation without any purpose', async () => {
    const res = await strict.as(noHeader)<Portfolio>(doc.replace(', purpose: CREDIT_ASSESSMENT', ''));
    expect(res.status).toBe(403);
    expect((res.body.errors as Errors)[0]!.extensions?.code).toBe('FORBIDDEN');
  });
});
