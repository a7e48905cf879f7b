import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendGovernanceWrite, type GovernanceActor } from '../../audit/index.js';
import type { GovernanceAction } from '../../audit/index.js';
import type { Principal, Purpose } from '../../auth/index.js';
import { ErrorCode } from '../../common/errors.js';
import { checkText, checkUuid, inputError } from '../../common/input.js';
import { checkUscc } from '../../common/uscc.js';
import { PortfolioItemOutcome } from './monitoring.enums.js';
import { MonitoringError } from './monitoring.errors.js';
import { PortfolioEntity, PortfolioMemberEntity } from './portfolio.entity.js';

/** Most codes one portfolio holds (the issue: a bank's whole book). */
export const PORTFOLIO_MAX_MEMBERS = 100_000;
/** Most codes one call adds or removes (a batch of 10,000 codes is about 210 KB of request). */
export const PORTFOLIO_BATCH_MAX = 10_000;
export const NAME_MAX = 200;
/** Default SCORE_MOVED threshold, in score points; the outbox records moves of 1 point or more. */
export const DEFAULT_SCORE_THRESHOLD = 5;
export const SCORE_THRESHOLD_MIN = 1;
export const SCORE_THRESHOLD_MAX = 100;

export interface PortfolioItemReport {
  readonly index: number;
  readonly input: string;
  readonly outcome: PortfolioItemOutcome;
  readonly reason: string | null;
  readonly message: string | null;
}

export interface PortfolioChange {
  readonly portfolio: PortfolioEntity;
  readonly memberCount: number;
  readonly accepted: number;
  readonly unchanged: number;
  /** Only the codes that were not accepted as asked (invalid, duplicate, full, absent). */
  readonly items: readonly PortfolioItemReport[];
}

const principalRef = (p: Principal): string => `${p.organisation}/${p.id}`;

function checkName(value: unknown): string {
  return checkText('name', value, { max: NAME_MAX });
}

function checkThreshold(value: number | null | undefined): number {
  if (value === null || value === undefined) return DEFAULT_SCORE_THRESHOLD;
  if (!Number.isFinite(value) || value < SCORE_THRESHOLD_MIN || value > SCORE_THRESHOLD_MAX)
    throw inputError(
      'scoreThreshold',
      'format',
      `scoreThreshold must be between ${SCORE_THRESHOLD_MIN} and ${SCORE_THRESHOLD_MAX} score points, got ${value}`,
    );
  return value;
}

/** The caller's organisation's portfolio; another organisation's is NOT_FOUND, not FORBIDDEN (no existence leak). */
export async function ownedPortfolio(
  em: SqlEntityManager,
  principal: Principal,
  id: unknown,
  argument = 'id',
): Promise<PortfolioEntity> {
  const checked = checkUuid(argument, id);
  const found = await em.findOne(PortfolioEntity, { id: checked, organisation: principal.organisation });
  if (!found)
    throw new MonitoringError(ErrorCode.NOT_FOUND, `your organisation has no portfolio with id ${checked}`, {
      argument,
    });
  return found;
}

async function record(
  tx: SqlEntityManager,
  actor: GovernanceActor,
  action: GovernanceAction,
  portfolio: PortfolioEntity,
  details: Record<string, string | null> = {},
): Promise<void> {
  await appendGovernanceWrite(tx, actor, {
    action,
    targetType: 'Portfolio',
    targetId: portfolio.id,
    reason: null,
    details: {
      organisation: portfolio.organisation,
      name: portfolio.name,
      purpose: portfolio.purpose,
      ...details,
    },
  });
}

const uniqueConflict = (err: unknown): boolean => err instanceof UniqueConstraintViolationException;

export async function createPortfolio(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  input: { name: unknown; purpose: Purpose; scoreThreshold?: number | null },
): Promise<PortfolioEntity> {
  const name = checkName(input.name);
  const scoreThreshold = checkThreshold(input.scoreThreshold);
  // Built, not em.create()d: the row is written once, by the insert below, not again at flush.
  const portfolio = Object.assign(new PortfolioEntity(), {
    organisation: actor.principal.organisation,
    name,
    purpose: input.purpose,
    scoreThreshold,
    createdBy: principalRef(actor.principal),
  });
  try {
    await em.transactional(async (tx) => {
      await tx.insert(PortfolioEntity, portfolio);
      await record(tx, actor, 'PORTFOLIO_CREATED', portfolio, { scoreThreshold: String(scoreThreshold) });
    });
  } catch (err) {
    if (uniqueConflict(err)) throw duplicateName(name);
    throw err;
  }
  return portfolio;
}

const duplicateName = (name: string) =>
  new MonitoringError(
    ErrorCode.CONFLICT,
    `your organisation already has a portfolio named ${JSON.stringify(name)}`,
    {
      argument: 'name',
      rule: 'unique',
    },
  );

export async function renamePortfolio(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  id: unknown,
  newName: unknown,
): Promise<PortfolioEntity> {
  const name = checkName(newName);
  const portfolio = await ownedPortfolio(em, actor.principal, id);
  const previous = portfolio.name;
  try {
    await em.transactional(async (tx) => {
      portfolio.updatedAt = new Date();
      await tx.nativeUpdate(PortfolioEntity, { id: portfolio.id }, { name, updatedAt: portfolio.updatedAt });
      portfolio.name = name;
      await record(tx, actor, 'PORTFOLIO_RENAMED', portfolio, { previousName: previous });
    });
  } catch (err) {
    if (uniqueConflict(err)) throw duplicateName(name);
    throw err;
  }
  return portfolio;
}

export async function deletePortfolio(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  id: unknown,
): Promise<PortfolioEntity> {
  const portfolio = await ownedPortfolio(em, actor.principal, id);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(PortfolioEntity, { id: portfolio.id });
    await record(tx, actor, 'PORTFOLIO_DELETED', portfolio);
  });
  return portfolio;
}

export async function listPortfolios(em: SqlEntityManager, principal: Principal): Promise<PortfolioEntity[]> {
  return em.find(PortfolioEntity, { organisation: principal.organisation }, { orderBy: { name: 'asc' } });
}

/** Member counts of several portfolios in one statement. */
export async function memberCounts(
  em: SqlEntityManager,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ portfolio_id: string; n: string | number }[]>(
    'select portfolio_id, count(*) as n from monitoring_portfolio_member where portfolio_id in (?) group by portfolio_id',
    [ids],
  );
  return new Map(rows.map((r) => [r.portfolio_id, Number(r.n)]));
}

interface Checked {
  readonly valid: { index: number; input: string; code: string }[];
  readonly problems: PortfolioItemReport[];
}

/** Syntax first (a NUL or a megabyte is bad input for the whole call), then GB 32100 per item. */
function checkCodes(usccs: readonly unknown[]): Checked {
  if (usccs.length === 0) throw inputError('usccs', 'required', 'usccs must list at least one code');
  if (usccs.length > PORTFOLIO_BATCH_MAX)
    throw inputError(
      'usccs',
      'maxItems',
      `usccs may hold at most ${PORTFOLIO_BATCH_MAX} codes, got ${usccs.length}`,
      {
        max: PORTFOLIO_BATCH_MAX,
      },
    );
  const seen = new Set<string>();
  const valid: Checked['valid'] = [];
  const problems: PortfolioItemReport[] = [];
  usccs.forEach((raw, index) => {
    const input = checkText('usccs', raw, { max: 64, trim: false });
    const check = checkUscc(input);
    if (!check.valid) {
      problems.push({
        index,
        input,
        outcome: PortfolioItemOutcome.INVALID_USCC,
        reason: check.failure,
        message: check.message,
      });
    } else if (seen.has(check.code)) {
      problems.push({ index, input, outcome: PortfolioItemOutcome.DUPLICATE, reason: null, message: null });
    } else {
      seen.add(check.code);
      valid.push({ index, input, code: check.code });
    }
  });
  return { valid, problems };
}

async function countMembers(tx: SqlEntityManager, id: string): Promise<number> {
  const [row] = await tx.execute<{ n: string | number }[]>(
    'select count(*) as n from monitoring_portfolio_member where portfolio_id = ?',
    [id],
  );
  return Number(row!.n);
}

/**
 * Adds a batch of codes. The portfolio row is locked for the transaction, so two
 * concurrent batches cannot together pass the maximum. Codes past the maximum are
 * reported PORTFOLIO_FULL; nothing valid is lost silently.
 */
export async function addToPortfolio(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  id: unknown,
  usccs: readonly unknown[],
): Promise<PortfolioChange> {
  const { valid, problems } = checkCodes(usccs);
  const portfolio = await ownedPortfolio(em, actor.principal, id);
  return em.transactional(async (tx) => {
    await tx.execute('select id from monitoring_portfolio where id = ? for update', [portfolio.id]);
    const codes = JSON.stringify(valid.map((v) => v.code));
    const present = new Set(
      (
        await tx.execute<{ uscc: string }[]>(
          'select uscc from monitoring_portfolio_member where portfolio_id = ? and uscc in (select jsonb_array_elements_text(?::jsonb))',
          [portfolio.id, codes],
        )
      ).map((r) => r.uscc),
    );
    let room = PORTFOLIO_MAX_MEMBERS - (await countMembers(tx, portfolio.id));
    const accepted: string[] = [];
    const items = [...problems];
    for (const v of valid) {
      if (present.has(v.code)) {
        items.push({
          index: v.index,
          input: v.input,
          outcome: PortfolioItemOutcome.ALREADY_PRESENT,
          reason: null,
          message: null,
        });
      } else if (room <= 0) {
        items.push({
          index: v.index,
          input: v.input,
          outcome: PortfolioItemOutcome.PORTFOLIO_FULL,
          reason: 'MAX_MEMBERS',
          message: `a portfolio holds at most ${PORTFOLIO_MAX_MEMBERS} codes`,
        });
      } else {
        accepted.push(v.code);
        room--;
      }
    }
    if (accepted.length > 0) {
      await tx.execute(
        'insert into monitoring_portfolio_member (portfolio_id, uscc, added_at) select ?, value, now() from jsonb_array_elements_text(?::jsonb)',
        [portfolio.id, JSON.stringify(accepted)],
      );
    }
    await record(tx, actor, 'PORTFOLIO_MEMBERS_ADDED', portfolio, {
      added: String(accepted.length),
      notAdded: String(items.length),
    });
    return {
      portfolio,
      memberCount: PORTFOLIO_MAX_MEMBERS - room,
      accepted: accepted.length,
      unchanged: items.length,
      items: items.sort((a, b) => a.index - b.index),
    };
  });
}

export async function removeFromPortfolio(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  id: unknown,
  usccs: readonly unknown[],
): Promise<PortfolioChange> {
  const { valid, problems } = checkCodes(usccs);
  const portfolio = await ownedPortfolio(em, actor.principal, id);
  return em.transactional(async (tx) => {
    await tx.execute('select id from monitoring_portfolio where id = ? for update', [portfolio.id]);
    const removed = new Set(
      (
        await tx.execute<{ uscc: string }[]>(
          'delete from monitoring_portfolio_member where portfolio_id = ? and uscc in (select jsonb_array_elements_text(?::jsonb)) returning uscc',
          [portfolio.id, JSON.stringify(valid.map((v) => v.code))],
        )
      ).map((r) => r.uscc),
    );
    const items = [...problems];
    for (const v of valid)
      if (!removed.has(v.code))
        items.push({
          index: v.index,
          input: v.input,
          outcome: PortfolioItemOutcome.NOT_PRESENT,
          reason: null,
          message: null,
        });
    await record(tx, actor, 'PORTFOLIO_MEMBERS_REMOVED', portfolio, {
      removed: String(removed.size),
      notRemoved: String(items.length),
    });
    return {
      portfolio,
      memberCount: await countMembers(tx, portfolio.id),
      accepted: removed.size,
      unchanged: items.length,
      items: items.sort((a, b) => a.index - b.index),
    };
  });
}

export { PortfolioMemberEntity };
