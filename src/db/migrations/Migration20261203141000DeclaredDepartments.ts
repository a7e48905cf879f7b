import { Migration } from '@mikro-orm/migrations';

/**
 * The departments are what the modules declare (HubModule.departments), so the
 * database keeps no fixed list of them: a module adding a department needs no
 * migration of the governance tables. The hub checks department codes itself
 * (authentication, the catalog's owners).
 */
export class Migration20261203141000DeclaredDepartments extends Migration {
  override up(): void {
    this.addSql(
      'alter table "auth_sharing_agreement" drop constraint if exists "auth_sharing_agreement_owner_department_check"',
    );
    this.addSql('alter table "auth_api_key" drop constraint if exists "auth_api_key_department_check"');
  }

  override down(): void {
    const departments =
      "('MARKET_REGULATION', 'TAX', 'COURT', 'MEDICAL_INSURANCE', 'TRANSPORT', 'SCIENCE_TECHNOLOGY')";
    this.addSql(
      `alter table "auth_sharing_agreement" add constraint "auth_sharing_agreement_owner_department_check" check ("owner_department" in ${departments})`,
    );
    this.addSql(
      `alter table "auth_api_key" add constraint "auth_api_key_department_check" check ("department" in ${departments})`,
    );
  }
}
