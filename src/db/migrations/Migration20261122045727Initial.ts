import { Migration } from '@mikro-orm/migrations';

export class Migration20261122045727Initial extends Migration {
  override up(): void {
    this.addSql(
      'create table "audit_access_log" ("id" bigserial primary key, "occurred_at" timestamptz(3) not null, "principal_id" varchar(128) not null, "organisation" varchar(64) not null, "principal_kind" text not null, "purpose" text null, "operation_name" varchar(256) null, "document_hash" varchar(64) not null, "request_id" varchar(64) not null, "usccs" text[] not null, "resources" text[] not null, "owners" text[] not null, "decisions" jsonb not null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null)',
    );
    this.addSql(
      'alter table "audit_access_log" add constraint "audit_access_log_previous_hash_unique" unique ("previous_hash")',
    );
    this.addSql(
      'alter table "audit_access_log" add constraint "audit_access_log_hash_unique" unique ("hash")',
    );
    this.addSql('create index "audit_access_log_owners_index" on "audit_access_log" using gin ("owners")');
    this.addSql(
      'create index "audit_access_log_resources_index" on "audit_access_log" using gin ("resources")',
    );
    this.addSql('create index "audit_access_log_usccs_index" on "audit_access_log" using gin ("usccs")');
    this.addSql('create index "audit_access_log_organisation_index" on "audit_access_log" ("organisation")');
    this.addSql('create index "audit_access_log_occurred_at_index" on "audit_access_log" ("occurred_at")');
    this.addSql(
      'create table "auth_api_key" ("id" uuid not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "name" varchar(100) not null, "principal_id" varchar(128) not null, "organisation" varchar(64) not null, "kind" text not null, "department" text null, "scopes" text not null, "created_at" timestamptz not null, "created_by" varchar(128) not null, "revoked_at" timestamptz null, "revoked_by" varchar(128) null, "last_used_at" timestamptz null, primary key ("id"))',
    );
    this.addSql('alter table "auth_api_key" add constraint "auth_api_key_prefix_unique" unique ("prefix")');
    this.addSql(
      'create table "registry_enterprise" ("uscc" varchar(18) not null, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "name" varchar(200) not null, "enterprise_type" text not null, "status" text not null, "established_date" date not null, "registered_capital" numeric(18,2) not null, "region_code" varchar(6) not null, "industry_section" varchar(1) not null, "industry_code" varchar(4) not null, "address" varchar(300) not null, "business_scope" text not null, "legal_representative_name" varchar(50) not null, "legal_representative_id_number" varchar(18) not null, primary key ("uscc"))',
    );
    this.addSql('create index "registry_enterprise_name_index" on "registry_enterprise" ("name")');
    this.addSql(
      'create index "registry_enterprise_established_date_index" on "registry_enterprise" ("established_date")',
    );
    this.addSql(
      'create index "registry_enterprise_industry_section_industry_code_index" on "registry_enterprise" ("industry_section", "industry_code")',
    );
    this.addSql(
      'create index "registry_enterprise_region_code_index" on "registry_enterprise" ("region_code")',
    );
    this.addSql(
      'create table "mi_designated_institution" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "institution_code" varchar(20) not null, "institution_type" text not null, "institution_name" varchar(200) not null, "designation_status" text not null, "designated_from" date not null, "status_changed_date" date null)',
    );
    this.addSql(
      'create index "mi_designated_institution_uscc_designated_from_index" on "mi_designated_institution" ("uscc", "designated_from")',
    );
    this.addSql(
      'alter table "mi_designated_institution" add constraint "mi_designated_institution_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_list_entry" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "list" text not null, "reason" text not null, "listed_date" date not null, "removed_date" date null, "removal_reason" text null, "authority" varchar(100) not null, "case_number" varchar(64) null)',
    );
    this.addSql(
      'create index "credit_list_entry_uscc_listed_date_index" on "credit_list_entry" ("uscc", "listed_date")',
    );
    this.addSql(
      'alter table "credit_list_entry" add constraint "credit_list_entry_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "mi_institution_credit_grade" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "institution_code" varchar(20) not null, "year" int not null, "grade" text not null, "score" int not null)',
    );
    this.addSql(
      'create index "mi_institution_credit_grade_uscc_year_index" on "mi_institution_credit_grade" ("uscc", "year")',
    );
    this.addSql(
      'alter table "mi_institution_credit_grade" add constraint "mi_institution_credit_grade_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_licence" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "decision_number" varchar(64) not null, "licence_name" varchar(200) not null, "content" text not null, "decision_date" date not null, "valid_from" date not null, "valid_to" date null, "authority" varchar(100) not null, "status" text not null)',
    );
    this.addSql(
      'create index "credit_licence_uscc_decision_date_index" on "credit_licence" ("uscc", "decision_date")',
    );
    this.addSql(
      'alter table "credit_licence" add constraint "credit_licence_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "mi_fund_violation" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "institution_code" varchar(20) not null, "found_date" date not null, "violation_type" text not null, "detected_by" text not null, "amount_involved" numeric(16,2) not null, "amount_recovered" numeric(16,2) not null, "penalty_amount" numeric(16,2) not null, "decision_number" varchar(64) not null, "repaired_date" date null)',
    );
    this.addSql(
      'create index "mi_fund_violation_uscc_found_date_index" on "mi_fund_violation" ("uscc", "found_date")',
    );
    this.addSql(
      'alter table "mi_fund_violation" add constraint "mi_fund_violation_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "st_patent_count" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "year" int not null, "invention_patents_granted" int not null, "utility_models" int not null, "designs" int not null, "invention_applications_pending" int not null)',
    );
    this.addSql('create index "st_patent_count_uscc_year_index" on "st_patent_count" ("uscc", "year")');
    this.addSql(
      'alter table "st_patent_count" add constraint "st_patent_count_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_penalty" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "decision_number" varchar(64) not null, "decision_date" date not null, "authority" varchar(100) not null, "penalty_type" text not null, "severity" text not null, "reason" text not null, "amount" numeric(16,2) not null, "publicity_end_date" date not null, "repaired_date" date null)',
    );
    this.addSql(
      'create index "credit_penalty_uscc_decision_date_index" on "credit_penalty" ("uscc", "decision_date")',
    );
    this.addSql(
      'alter table "credit_penalty" add constraint "credit_penalty_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "st_rd_spending" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "year" int not null, "rd_expenditure" numeric(18,2) not null, "operating_revenue" numeric(18,2) not null, "rd_staff_count" int not null)',
    );
    this.addSql('create index "st_rd_spending_uscc_year_index" on "st_rd_spending" ("uscc", "year")');
    this.addSql(
      'alter table "st_rd_spending" add constraint "st_rd_spending_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_risk_classification" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "month" varchar(7) not null, "risk_class" text not null)',
    );
    this.addSql(
      'create index "credit_risk_classification_uscc_month_index" on "credit_risk_classification" ("uscc", "month")',
    );
    this.addSql(
      'alter table "credit_risk_classification" add constraint "credit_risk_classification_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "risk_profile" ("uscc" varchar(18) not null, "score" double precision not null, "grade" varchar(1) not null, "dimensions" jsonb not null, "signals" jsonb not null, "signal_codes" text[] not null, "judicial_count" int not null, "operating_count" int not null, "sector_compliance_count" int not null, "positive_count" int not null, "tax_grade" varchar(2) null, "transport_grade" varchar(2) null, "sources" jsonb not null, "capped_by" varchar(32) null, "model_version" varchar(32) not null, "computed_at" timestamptz not null, "dirty" boolean not null default false, primary key ("uscc"))',
    );
    this.addSql('create index "risk_profile_score_index" on "risk_profile" ("score")');
    this.addSql('create index "risk_profile_grade_score_index" on "risk_profile" ("grade", "score")');
    this.addSql(
      'create table "auth_sharing_agreement" ("id" uuid not null, "consumer_org" varchar(64) not null, "applicant" varchar(200) not null, "resource" varchar(100) not null, "purposes" text[] not null, "reason" text not null, "status" text not null, "owner_department" text not null, "valid_from" timestamptz null, "valid_to" timestamptz null, "decided_by" varchar(200) null, "decided_at" timestamptz null, "decision_reason" text null, "revoked_by" varchar(200) null, "revoked_at" timestamptz null, "revocation_reason" text null, "created_at" timestamptz not null, primary key ("id"))',
    );
    this.addSql(
      'create index "auth_sharing_agreement_owner_department_status_index" on "auth_sharing_agreement" ("owner_department", "status")',
    );
    this.addSql(
      'create index "auth_sharing_agreement_consumer_org_status_resource_index" on "auth_sharing_agreement" ("consumer_org", "status", "resource")',
    );
    this.addSql(
      'create table "mi_social_insurance_account" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "period" varchar(7) not null, "insured_headcount" int not null, "contributions_due" numeric(16,2) not null, "contributions_paid" numeric(16,2) not null, "arrears" numeric(16,2) not null)',
    );
    this.addSql(
      'create index "mi_social_insurance_account_uscc_period_index" on "mi_social_insurance_account" ("uscc", "period")',
    );
    this.addSql(
      'alter table "mi_social_insurance_account" add constraint "mi_social_insurance_account_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_tax_arrears" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "tax_type" varchar(50) not null, "amount_owed" numeric(16,2) not null, "arrears_since" date not null, "paid_off_date" date null)',
    );
    this.addSql(
      'create index "credit_tax_arrears_uscc_arrears_since_index" on "credit_tax_arrears" ("uscc", "arrears_since")',
    );
    this.addSql(
      'alter table "credit_tax_arrears" add constraint "credit_tax_arrears_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "credit_tax_evaluation" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "year" int not null, "grade" text not null, "evaluated_date" date not null)',
    );
    this.addSql(
      'create index "credit_tax_evaluation_uscc_year_index" on "credit_tax_evaluation" ("uscc", "year")',
    );
    this.addSql(
      'alter table "credit_tax_evaluation" add constraint "credit_tax_evaluation_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "st_certification" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "certification_type" text not null, "certificate_number" varchar(40) not null, "issuing_authority" varchar(200) not null, "valid_from" date not null, "valid_to" date not null, "status" text not null)',
    );
    this.addSql(
      'create index "st_certification_uscc_valid_from_index" on "st_certification" ("uscc", "valid_from")',
    );
    this.addSql(
      'alter table "st_certification" add constraint "st_certification_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "tc_credit_rating" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "year" int not null, "score" numeric(4,1) not null, "penalty_points" int not null, "grade" text not null)',
    );
    this.addSql('create index "tc_credit_rating_uscc_year_index" on "tc_credit_rating" ("uscc", "year")');
    this.addSql(
      'alter table "tc_credit_rating" add constraint "tc_credit_rating_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "tc_enforcement" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "decision_number" varchar(64) not null, "decision_date" date not null, "violation" text not null, "penalty_points" int not null, "fine" numeric(16,2) not null, "authority" varchar(100) not null, "repaired_date" date null)',
    );
    this.addSql(
      'create index "tc_enforcement_uscc_decision_date_index" on "tc_enforcement" ("uscc", "decision_date")',
    );
    this.addSql(
      'alter table "tc_enforcement" add constraint "tc_enforcement_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "tc_licence" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "licence_number" varchar(64) not null, "business_scopes" text[] not null, "valid_from" date not null, "valid_to" date not null, "status" text not null)',
    );
    this.addSql('create index "tc_licence_uscc_valid_from_index" on "tc_licence" ("uscc", "valid_from")');
    this.addSql(
      'alter table "tc_licence" add constraint "tc_licence_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      'create table "tc_vehicle" ("id" bigserial primary key, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "received_at" timestamptz not null default now(), "uscc" varchar(18) not null, "plate_number" varchar(16) not null, "category" text not null, "key_vehicle" boolean not null, "registration_date" date not null, "transport_certificate_number" varchar(64) not null)',
    );
    this.addSql(
      'create index "tc_vehicle_uscc_registration_date_index" on "tc_vehicle" ("uscc", "registration_date")',
    );
    this.addSql(
      'alter table "tc_vehicle" add constraint "tc_vehicle_department_source_record_id_unique" unique ("department", "source_record_id")',
    );
    this.addSql(
      "alter table \"audit_access_log\" add constraint \"audit_access_log_principal_kind_check\" check (\"principal_kind\" in ('DEPARTMENT', 'BANK', 'ANALYST', 'AUDITOR', 'ADMIN'))",
    );
    this.addSql(
      "alter table \"audit_access_log\" add constraint \"audit_access_log_purpose_check\" check (\"purpose\" in ('CREDIT_ASSESSMENT', 'SUPERVISION', 'LAW_ENFORCEMENT', 'STATISTICS', 'PUBLIC_SERVICE'))",
    );
    this.addSql(
      "alter table \"auth_api_key\" add constraint \"auth_api_key_kind_check\" check (\"kind\" in ('DEPARTMENT', 'BANK', 'ANALYST', 'AUDITOR', 'ADMIN'))",
    );
    this.addSql(
      "alter table \"auth_api_key\" add constraint \"auth_api_key_department_check\" check (\"department\" in ('MARKET_REGULATION', 'TAX', 'COURT', 'MEDICAL_INSURANCE', 'TRANSPORT', 'SCIENCE_TECHNOLOGY'))",
    );
    this.addSql(
      "alter table \"registry_enterprise\" add constraint \"registry_enterprise_enterprise_type_check\" check (\"enterprise_type\" in ('LIMITED_LIABILITY', 'JOINT_STOCK', 'SOLE_PROPRIETORSHIP', 'PARTNERSHIP', 'STATE_OWNED', 'FOREIGN_INVESTED', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'))",
    );
    this.addSql(
      "alter table \"registry_enterprise\" add constraint \"registry_enterprise_status_check\" check (\"status\" in ('OPERATING', 'SUSPENDED', 'LIQUIDATING', 'REVOKED', 'CANCELLED', 'MOVED_OUT'))",
    );
    this.addSql(
      'alter table "mi_designated_institution" add constraint "mi_designated_institution_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "mi_designated_institution" add constraint "mi_designated_institution_institution_type_check" check ("institution_type" in (\'HOSPITAL\', \'PHARMACY\'))',
    );
    this.addSql(
      'alter table "mi_designated_institution" add constraint "mi_designated_institution_designation_status_check" check ("designation_status" in (\'DESIGNATED\', \'SUSPENDED\', \'TERMINATED\'))',
    );
    this.addSql(
      'alter table "credit_list_entry" add constraint "credit_list_entry_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "credit_list_entry" add constraint "credit_list_entry_list_check" check ("list" in (\'BUSINESS_ANOMALY\', \'SERIOUS_DISHONESTY\', \'DISHONEST_JUDGMENT_DEBTOR\'))',
    );
    this.addSql(
      "alter table \"credit_list_entry\" add constraint \"credit_list_entry_removal_reason_check\" check (\"removal_reason\" in ('EXPIRED', 'REPAIRED', 'PERFORMED', 'CORRECTED'))",
    );
    this.addSql(
      'alter table "mi_institution_credit_grade" add constraint "mi_institution_credit_grade_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "mi_institution_credit_grade" add constraint "mi_institution_credit_grade_score_check" check (score >= 0 and score <= 1000)',
    );
    this.addSql(
      "alter table \"mi_institution_credit_grade\" add constraint \"mi_institution_credit_grade_grade_check\" check (\"grade\" in ('A', 'B', 'C', 'D', 'E'))",
    );
    this.addSql(
      'alter table "credit_licence" add constraint "credit_licence_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"credit_licence\" add constraint \"credit_licence_status_check\" check (\"status\" in ('VALID', 'EXPIRED', 'REVOKED', 'CANCELLED'))",
    );
    this.addSql(
      'alter table "mi_fund_violation" add constraint "mi_fund_violation_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"mi_fund_violation\" add constraint \"mi_fund_violation_violation_type_check\" check (\"violation_type\" in ('FALSE_CLAIMS', 'UPCODING', 'DECOMPOSED_HOSPITALISATION', 'EXCESSIVE_TREATMENT', 'DRUG_RESALE', 'OTHER'))",
    );
    this.addSql(
      "alter table \"mi_fund_violation\" add constraint \"mi_fund_violation_detected_by_check\" check (\"detected_by\" in ('DRG_AUDIT', 'BIG_DATA_SCREENING', 'ON_SITE_INSPECTION', 'REPORT'))",
    );
    this.addSql(
      'alter table "st_patent_count" add constraint "st_patent_count_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "credit_penalty" add constraint "credit_penalty_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"credit_penalty\" add constraint \"credit_penalty_penalty_type_check\" check (\"penalty_type\" in ('WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'LICENCE_REVOCATION', 'OTHER'))",
    );
    this.addSql(
      'alter table "credit_penalty" add constraint "credit_penalty_severity_check" check ("severity" in (\'MINOR\', \'GENERAL\', \'SERIOUS\'))',
    );
    this.addSql(
      'alter table "st_rd_spending" add constraint "st_rd_spending_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "credit_risk_classification" add constraint "credit_risk_classification_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"credit_risk_classification\" add constraint \"credit_risk_classification_risk_class_check\" check (\"risk_class\" in ('A', 'B', 'C', 'D'))",
    );
    this.addSql(
      'alter table "risk_profile" add constraint "risk_profile_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on update cascade on delete cascade',
    );
    this.addSql(
      "alter table \"auth_sharing_agreement\" add constraint \"auth_sharing_agreement_purposes_check\" check (\"purposes\" <@ array['CREDIT_ASSESSMENT'::text, 'SUPERVISION'::text, 'LAW_ENFORCEMENT'::text, 'STATISTICS'::text, 'PUBLIC_SERVICE'::text])",
    );
    this.addSql(
      "alter table \"auth_sharing_agreement\" add constraint \"auth_sharing_agreement_status_check\" check (\"status\" in ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'))",
    );
    this.addSql(
      "alter table \"auth_sharing_agreement\" add constraint \"auth_sharing_agreement_owner_department_check\" check (\"owner_department\" in ('MARKET_REGULATION', 'TAX', 'COURT', 'MEDICAL_INSURANCE', 'TRANSPORT', 'SCIENCE_TECHNOLOGY'))",
    );
    this.addSql(
      'alter table "mi_social_insurance_account" add constraint "mi_social_insurance_account_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "mi_social_insurance_account" add constraint "mi_social_insurance_account_arrears_check" check (arrears >= 0 and arrears = greatest(contributions_due - contributions_paid, 0))',
    );
    this.addSql(
      'alter table "credit_tax_arrears" add constraint "credit_tax_arrears_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "credit_tax_evaluation" add constraint "credit_tax_evaluation_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"credit_tax_evaluation\" add constraint \"credit_tax_evaluation_grade_check\" check (\"grade\" in ('A', 'B', 'M', 'C', 'D'))",
    );
    this.addSql(
      'alter table "st_certification" add constraint "st_certification_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"st_certification\" add constraint \"st_certification_certification_type_check\" check (\"certification_type\" in ('HIGH_TECH_ENTERPRISE', 'TECH_SME', 'SPECIALISED_NEW', 'OTHER'))",
    );
    this.addSql(
      'alter table "st_certification" add constraint "st_certification_status_check" check ("status" in (\'VALID\', \'EXPIRED\', \'REVOKED\'))',
    );
    this.addSql(
      'alter table "tc_credit_rating" add constraint "tc_credit_rating_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"tc_credit_rating\" add constraint \"tc_credit_rating_grade_check\" check (\"grade\" in ('AA', 'A', 'B', 'C', 'D'))",
    );
    this.addSql(
      'alter table "tc_enforcement" add constraint "tc_enforcement_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      'alter table "tc_licence" add constraint "tc_licence_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"tc_licence\" add constraint \"tc_licence_business_scopes_check\" check (\"business_scopes\" <@ array['GENERAL_FREIGHT'::text, 'DANGEROUS_GOODS'::text, 'PASSENGER_SCHEDULED'::text, 'PASSENGER_CHARTER'::text, 'CONTAINER'::text, 'LARGE_OBJECT'::text])",
    );
    this.addSql(
      "alter table \"tc_licence\" add constraint \"tc_licence_status_check\" check (\"status\" in ('VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED'))",
    );
    this.addSql(
      'alter table "tc_vehicle" add constraint "tc_vehicle_uscc_foreign" foreign key ("uscc") references "registry_enterprise" ("uscc") on delete cascade',
    );
    this.addSql(
      "alter table \"tc_vehicle\" add constraint \"tc_vehicle_category_check\" check (\"category\" in ('TRUCK', 'TRACTOR', 'DANGEROUS_GOODS_TANKER', 'COACH', 'BUS', 'OTHER'))",
    );
  }

  override down(): void {
    this.addSql(
      'alter table "mi_designated_institution" drop constraint "mi_designated_institution_uscc_foreign"',
    );
    this.addSql('alter table "credit_list_entry" drop constraint "credit_list_entry_uscc_foreign"');
    this.addSql(
      'alter table "mi_institution_credit_grade" drop constraint "mi_institution_credit_grade_uscc_foreign"',
    );
    this.addSql('alter table "credit_licence" drop constraint "credit_licence_uscc_foreign"');
    this.addSql('alter table "mi_fund_violation" drop constraint "mi_fund_violation_uscc_foreign"');
    this.addSql('alter table "st_patent_count" drop constraint "st_patent_count_uscc_foreign"');
    this.addSql('alter table "credit_penalty" drop constraint "credit_penalty_uscc_foreign"');
    this.addSql('alter table "st_rd_spending" drop constraint "st_rd_spending_uscc_foreign"');
    this.addSql(
      'alter table "credit_risk_classification" drop constraint "credit_risk_classification_uscc_foreign"',
    );
    this.addSql('alter table "risk_profile" drop constraint "risk_profile_uscc_foreign"');
    this.addSql(
      'alter table "mi_social_insurance_account" drop constraint "mi_social_insurance_account_uscc_foreign"',
    );
    this.addSql('alter table "credit_tax_arrears" drop constraint "credit_tax_arrears_uscc_foreign"');
    this.addSql('alter table "credit_tax_evaluation" drop constraint "credit_tax_evaluation_uscc_foreign"');
    this.addSql('alter table "st_certification" drop constraint "st_certification_uscc_foreign"');
    this.addSql('alter table "tc_credit_rating" drop constraint "tc_credit_rating_uscc_foreign"');
    this.addSql('alter table "tc_enforcement" drop constraint "tc_enforcement_uscc_foreign"');
    this.addSql('alter table "tc_licence" drop constraint "tc_licence_uscc_foreign"');
    this.addSql('alter table "tc_vehicle" drop constraint "tc_vehicle_uscc_foreign"');
    this.addSql('drop table if exists "audit_access_log" cascade');
    this.addSql('drop table if exists "auth_api_key" cascade');
    this.addSql('drop table if exists "registry_enterprise" cascade');
    this.addSql('drop table if exists "mi_designated_institution" cascade');
    this.addSql('drop table if exists "credit_list_entry" cascade');
    this.addSql('drop table if exists "mi_institution_credit_grade" cascade');
    this.addSql('drop table if exists "credit_licence" cascade');
    this.addSql('drop table if exists "mi_fund_violation" cascade');
    this.addSql('drop table if exists "st_patent_count" cascade');
    this.addSql('drop table if exists "credit_penalty" cascade');
    this.addSql('drop table if exists "st_rd_spending" cascade');
    this.addSql('drop table if exists "credit_risk_classification" cascade');
    this.addSql('drop table if exists "risk_profile" cascade');
    this.addSql('drop table if exists "auth_sharing_agreement" cascade');
    this.addSql('drop table if exists "mi_social_insurance_account" cascade');
    this.addSql('drop table if exists "credit_tax_arrears" cascade');
    this.addSql('drop table if exists "credit_tax_evaluation" cascade');
    this.addSql('drop table if exists "st_certification" cascade');
    this.addSql('drop table if exists "tc_credit_rating" cascade');
    this.addSql('drop table if exists "tc_enforcement" cascade');
    this.addSql('drop table if exists "tc_licence" cascade');
    this.addSql('drop table if exists "tc_vehicle" cascade');
  }
}
