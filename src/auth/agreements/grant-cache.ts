import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Grant, GrantSource, SourcedGrants } from '../access-control.js';
import type { Purpose } from '../purpose.js';
import { SharingAgreementStatus } from './agreement.enums.js';

/**
 * One hub process's copy of organisations' active agreements, so that a governed
 * query does not read them again on every request. A copy is never trusted on
 * its own: it is kept with the fingerprint the database gave it
 * (auth_grants_fingerprint, Migration20261203180000GrantsFingerprint), and an
 * operation decided from a copy is answered only once the database has confirmed
 * that fingerprint is still the organisation's: inside the access-log append that
 * writes the operation's record (no extra statement), or, for an operation
 * with no record, by one statement reading the fingerprint. If it changed (a
 * revocation, an expiry by the database clock, a new approval, on any instance)
 * the answer is withheld, the copy dropped and the operation run again on fresh
 * grants (src/server/graphql-route.ts).
 *
 * The project's rule is that nothing depending on who asks outlives a request;
 * this copy does, deliberately, because reading it again cost every governed
 * request a statement of its own, and it is never what decides on its own: the
 * confirmation rides on a statement the operation sends anyway (or costs what the
 * read did), so no answer leaves on grants the database no longer holds.
 */
export class GrantCache implements GrantSource {
  private readonly byOrganisation = new Map<string, { grants: readonly Grant[]; fingerprint: string }>();

  constructor(
    private readonly em: () => SqlEntityManager,
    /** Organisations kept at most; the whole copy is dropped when it is full (each is one statement to read again). */
    private readonly maxOrganisations = 10_000,
  ) {}

  async grantsOf(organisation: string, fresh: boolean): Promise<SourcedGrants> {
    const kept = fresh ? undefined : this.byOrganisation.get(organisation);
    if (kept) return { ...kept, cached: true };
    const read = await this.read(organisation);
    if (this.byOrganisation.size >= this.maxOrganisations) this.byOrganisation.clear();
    this.byOrganisation.set(organisation, read);
    return { ...read, cached: false };
  }

  async fingerprintOf(organisation: string): Promise<string> {
    const [row] = await this.em().execute<{ fingerprint: string }[]>(
      'select auth_grants_fingerprint(?) as fingerprint',
      [organisation],
    );
    return row!.fingerprint;
  }

  forget(organisation: string): void {
    this.byOrganisation.delete(organisation);
  }

  /** The grants and their fingerprint in one statement, so both describe the same moment. */
  private async read(organisation: string): Promise<{ grants: readonly Grant[]; fingerprint: string }> {
    const [row] = await this.em().execute<
      { fingerprint: string; grants: { id: string; resource: string; purposes: Purpose[] }[] }[]
    >(
      'select auth_grants_fingerprint(?) as fingerprint, coalesce((' +
        "select json_agg(json_build_object('id', a.id, 'resource', a.resource, 'purposes', a.purposes) order by a.id) " +
        'from auth_sharing_agreement a where a.consumer_org = ? and a.status = ? ' +
        "and a.valid_from <= now() and now() < a.valid_to), '[]'::json) as grants",
      [organisation, organisation, SharingAgreementStatus.APPROVED],
    );
    return {
      fingerprint: row!.fingerprint,
      grants: row!.grants.map(
        (g): Grant => ({ agreementId: g.id, resource: g.resource, purposes: g.purposes }),
      ),
    };
  }
}
