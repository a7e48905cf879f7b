import { Migration } from '@mikro-orm/migrations';

export class Migration20261122062000RiskProfileRegion extends Migration {
  override up(): void {
    this.addSql(
      'alter table "risk_profile" add "region_code" varchar(6) null, add "industry_section" varchar(1) null',
    );
    // Existing profiles learn their region on recompute.
    this.addSql('update "risk_profile" set "dirty" = true');
    this.addSql(
      'create index "risk_profile_statistics_index" on "risk_profile" ("region_code", "grade") include ("score", ' +
        '"industry_section", "tax_grade", "transport_grade", "judicial_count", "operating_count", "sector_compliance_count", "positive_count")',
    );
  }

  override down(): void {
    this.addSql('drop index "risk_profile_statistics_index"');
    this.addSql('alter table "risk_profile" drop column "region_code", drop column "industry_section"');
  }
}
