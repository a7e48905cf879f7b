import { Migration } from '@mikro-orm/migrations';

/**
 * Profile facets in one generic jsonb column instead of a column per facet: a
 * module that declares a facet (SignalSource.facets) then needs no migration of
 * risk_profile. The two facets stored so far move into it; null values are left
 * out, as the hub writes them.
 */
export class Migration20261203140000RiskProfileFacets extends Migration {
  override up(): void {
    this.addSql(`alter table "risk_profile" add "facets" jsonb not null default '{}'`);
    this.addSql(
      `update "risk_profile" set "facets" = jsonb_strip_nulls(jsonb_build_object('taxGrade', "tax_grade", 'transportGrade', "transport_grade"))`,
    );
    this.addSql('drop index "risk_profile_statistics_index"');
    this.addSql('alter table "risk_profile" drop column "tax_grade", drop column "transport_grade"');
    this.addSql(
      'create index "risk_profile_statistics_index" on "risk_profile" ("region_code", "grade") include ("score", ' +
        '"industry_section", "facets", "judicial_count", "operating_count", "sector_compliance_count", "positive_count")',
    );
  }

  override down(): void {
    this.addSql('drop index "risk_profile_statistics_index"');
    this.addSql(
      'alter table "risk_profile" add "tax_grade" varchar(2) null, add "transport_grade" varchar(2) null',
    );
    this.addSql(
      `update "risk_profile" set "tax_grade" = "facets" ->> 'taxGrade', "transport_grade" = "facets" ->> 'transportGrade'`,
    );
    this.addSql('alter table "risk_profile" drop column "facets"');
    this.addSql(
      'create index "risk_profile_statistics_index" on "risk_profile" ("region_code", "grade") include ("score", ' +
        '"industry_section", "tax_grade", "transport_grade", "judicial_count", "operating_count", "sector_compliance_count", "positive_count")',
    );
  }
}
