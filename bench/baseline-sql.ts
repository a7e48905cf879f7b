/**
 * Hand-written SQL baselines: one statement each that returns, as JSON text, the
 * same `data` the hub answers for the same selection and principal (a bank with
 * an agreement for every conditional resource, purpose CREDIT_ASSESSMENT): the
 * same items in the same order, the same per-item status, the same filters
 * (repaired and removed records left out, valid certifications only) and the
 * same masking of personal data. The bench checks that they are equal to the
 * hub's answer (canonical JSON) before it times either.
 *
 * Bench code, not hub code: it builds statement text from constant fragments and
 * binds every value, so nothing a caller sends reaches the SQL text.
 */

export interface BaselineQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** DateTimeISO as graphql-scalars serialises a JS Date (milliseconds, UTC). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** maskPersonal (src/auth/masking.ts) in SQL: first 3 and last 4 characters kept. */
const masked = (column: string) =>
  `case when ${column} is null then null when length(${column}) <= 7 then repeat('*', length(${column})) ` +
  `else left(${column}, 3) || repeat('*', length(${column}) - 7) || right(${column}, 4) end`;

interface ListSpec {
  readonly table: string;
  /** json_build_object arguments over the record's columns (unqualified). */
  readonly node: string;
  /** Extra conditions over the record's columns (unqualified); values bound. */
  readonly where?: string;
  /** ORDER BY over the record's columns, ending with a unique column (the loader's order). */
  readonly order: string;
  readonly first: number;
  readonly totalCount?: boolean;
}

/** One department list of the enterprise aliased `e`: its first page and, if asked, its total. */
function list(spec: ListSpec): string {
  const where = `uscc = e.uscc${spec.where ? ` and (${spec.where})` : ''}`;
  const edges =
    `coalesce((select json_agg(json_build_object('node', json_build_object(${spec.node})) order by ${spec.order}) ` +
    `from (select * from ${spec.table} where ${where} order by ${spec.order} limit ${spec.first}) r), '[]'::json)`;
  return spec.totalCount
    ? `json_build_object('totalCount', (select count(*) from ${spec.table} where ${where}), 'edges', ${edges})`
    : `json_build_object('edges', ${edges})`;
}

const PAGE_DEFAULT = 50;
/** Entries a bank is served: active, and not removed after repair, early or as a correction. */
const SERVABLE_LIST_ENTRY = `removed_date is null and (removal_reason is null or removal_reason = 'EXPIRED')`;
/** techCertifications(validOnly: true): valid on today's date in China (the resolver's default). */
const VALID_TODAY = `status = 'VALID' and valid_from <= (now() at time zone 'Asia/Shanghai')::date and valid_to >= (now() at time zone 'Asia/Shanghai')::date`;

/** queries/enterprise-profile.graphql (with legalRepresentative.idNumber, served masked). */
export function profileSql(uscc: string): BaselineQuery {
  const sql = `select json_build_object('enterprise', json_build_object(
      'uscc', e.uscc, 'name', e.name, 'enterpriseType', e.enterprise_type, 'status', e.status,
      'establishedDate', e.established_date, 'registeredCapital', e.registered_capital,
      'regionCode', e.region_code, 'industrySection', e.industry_section, 'industryCode', e.industry_code,
      'legalRepresentative', json_build_object('name', e.legal_representative_name,
        'idNumber', ${masked('e.legal_representative_id_number')}),
      'provenance', json_build_object('department', e.department, 'sourceRecordId', e.source_record_id,
        'asOf', ${iso('e.as_of')}, 'receivedAt', ${iso('e.received_at')}),
      'penalties', ${list({
        table: 'credit_penalty',
        node: `'decisionNumber', decision_number, 'decisionDate', decision_date, 'penaltyType', penalty_type, 'severity', severity, 'amount', amount, 'provenance', json_build_object('department', department, 'asOf', ${iso('as_of')})`,
        where: 'repaired_date is null',
        order: 'decision_date desc, id desc',
        first: 5,
        totalCount: true,
      })},
      'listEntries', ${list({
        table: 'credit_list_entry',
        node: `'list', list, 'listedDate', listed_date, 'reason', reason, 'caseNumber', case_number, 'provenance', json_build_object('department', department)`,
        where: SERVABLE_LIST_ENTRY,
        order: 'listed_date desc, id desc',
        first: 5,
      })},
      'taxGrades', ${list({ table: 'credit_tax_evaluation', node: `'year', year, 'grade', grade`, order: 'year desc, id desc', first: 3 })},
      'taxArrears', ${list({
        table: 'credit_tax_arrears',
        node: `'taxType', tax_type, 'amountOwed', amount_owed, 'arrearsSince', arrears_since`,
        where: 'paid_off_date is null',
        order: 'arrears_since desc, id desc',
        first: PAGE_DEFAULT,
      })},
      'riskClasses', ${list({ table: 'credit_risk_classification', node: `'month', month, 'riskClass', risk_class`, order: 'month desc, id desc', first: 1 })},
      'socialInsuranceAccounts', ${list({
        table: 'mi_social_insurance_account',
        node: `'period', period, 'insuredHeadcount', insured_headcount, 'arrears', arrears`,
        order: 'period desc, id desc',
        first: 3,
      })},
      'designatedInstitutions', ${list({
        table: 'mi_designated_institution',
        node: `'institutionCode', institution_code, 'institutionType', institution_type, 'designationStatus', designation_status`,
        order: 'designated_from desc, id desc',
        first: PAGE_DEFAULT,
      })},
      'medicalFundViolations', ${list({
        table: 'mi_fund_violation',
        node: `'foundDate', found_date, 'violationType', violation_type, 'detectedBy', detected_by, 'amountInvolved', amount_involved, 'amountRecovered', amount_recovered`,
        where: 'repaired_date is null',
        order: 'found_date desc, id desc',
        first: 5,
      })},
      'transportLicences', ${list({
        table: 'tc_licence',
        node: `'licenceNumber', licence_number, 'businessScopes', business_scopes, 'status', status, 'validTo', valid_to`,
        order: 'valid_from desc, id desc',
        first: PAGE_DEFAULT,
      })},
      'vehicles', ${list({
        table: 'tc_vehicle',
        node: `'plateNumber', plate_number, 'category', category, 'keyVehicle', key_vehicle`,
        where: 'key_vehicle = true',
        order: 'registration_date desc, id desc',
        first: 5,
        totalCount: true,
      })},
      'transportCreditRatings', ${list({ table: 'tc_credit_rating', node: `'year', year, 'score', score, 'grade', grade`, order: 'year desc, id desc', first: 3 })},
      'techCertifications', ${list({
        table: 'st_certification',
        node: `'certificationType', certification_type, 'certificateNumber', certificate_number, 'validTo', valid_to`,
        where: VALID_TODAY,
        order: 'valid_from desc, id desc',
        first: PAGE_DEFAULT,
      })},
      'rdSpending', ${list({
        table: 'st_rd_spending',
        node: `'year', year, 'rdExpenditure', rd_expenditure, 'rdIntensity', case when operating_revenue > 0 then rd_expenditure::float8 / operating_revenue::float8 end`,
        order: 'year desc, id desc',
        first: 3,
      })},
      'patentCounts', ${list({ table: 'st_patent_count', node: `'year', year, 'inventionPatentsGranted', invention_patents_granted`, order: 'year desc, id desc', first: 1 })}
    ))::text as result from registry_enterprise e where e.uscc = ?`;
  return { sql, params: [uscc] };
}

/** The `enterpriseBackPath` of a record: the enterprise's own fields as the node selection asks. */
const backToEnterprise = `'enterprise', json_build_object('uscc', uscc)`;

/** queries/enterprise-page.graphql with first: N, ordered by USCC (the default order). */
export function pageSql(first: number): BaselineQuery {
  const sql = `with page as (select * from registry_enterprise order by uscc limit ?),
    last as (select uscc from page order by uscc desc limit 1)
    select json_build_object('enterprises', json_build_object(
      'totalCount', (select count(*) from registry_enterprise),
      'pageInfo', json_build_object(
        'hasNextPage', exists (select 1 from registry_enterprise x where x.uscc > (select uscc from last)),
        'endCursor', (select rtrim(translate(encode(convert_to('["' || uscc || '"]', 'UTF8'), 'base64'), '+/', '-_'), '=') from last)),
      'edges', coalesce((select json_agg(json_build_object('node', json_build_object(
        'uscc', e.uscc, 'name', e.name, 'status', e.status,
        'legalRepresentative', json_build_object('name', e.legal_representative_name),
        'penalties', ${list({
          table: 'credit_penalty',
          node: `'decisionNumber', decision_number, 'amount', amount, ${backToEnterprise}`,
          where: 'repaired_date is null',
          order: 'decision_date desc, id desc',
          first: 5,
          totalCount: true,
        })},
        'licences', ${list({ table: 'credit_licence', node: `'licenceName', licence_name, 'status', status`, order: 'decision_date desc, id desc', first: 5 })},
        'listEntries', ${list({ table: 'credit_list_entry', node: `'list', list, 'listedDate', listed_date`, where: SERVABLE_LIST_ENTRY, order: 'listed_date desc, id desc', first: PAGE_DEFAULT })},
        'taxGrades', ${list({ table: 'credit_tax_evaluation', node: `'year', year, 'grade', grade`, order: 'year desc, id desc', first: 3 })},
        'taxArrears', ${list({ table: 'credit_tax_arrears', node: `'amountOwed', amount_owed`, order: 'arrears_since desc, id desc', first: PAGE_DEFAULT })},
        'riskClasses', ${list({ table: 'credit_risk_classification', node: `'riskClass', risk_class`, order: 'month desc, id desc', first: 1 })},
        'socialInsuranceAccounts', ${list({ table: 'mi_social_insurance_account', node: `'period', period, 'arrears', arrears`, order: 'period desc, id desc', first: 1 })},
        'designatedInstitutions', ${list({ table: 'mi_designated_institution', node: `'institutionType', institution_type, 'designationStatus', designation_status`, order: 'designated_from desc, id desc', first: PAGE_DEFAULT })},
        'medicalInstitutionCreditGrades', ${list({ table: 'mi_institution_credit_grade', node: `'year', year, 'grade', grade`, order: 'year desc, institution_code asc, id desc', first: 1 })},
        'medicalFundViolations', ${list({ table: 'mi_fund_violation', node: `'violationType', violation_type, 'amountInvolved', amount_involved`, where: 'repaired_date is null', order: 'found_date desc, id desc', first: PAGE_DEFAULT })},
        'transportLicences', ${list({ table: 'tc_licence', node: `'licenceNumber', licence_number, 'businessScopes', business_scopes`, order: 'valid_from desc, id desc', first: PAGE_DEFAULT })},
        'vehicles', ${list({ table: 'tc_vehicle', node: `'plateNumber', plate_number, 'keyVehicle', key_vehicle`, order: 'registration_date desc, id desc', first: 10, totalCount: true })},
        'transportCreditRatings', ${list({ table: 'tc_credit_rating', node: `'grade', grade`, order: 'year desc, id desc', first: 1 })},
        'transportEnforcements', ${list({ table: 'tc_enforcement', node: `'decisionDate', decision_date, 'penaltyPoints', penalty_points`, where: 'repaired_date is null', order: 'decision_date desc, id desc', first: PAGE_DEFAULT })},
        'techCertifications', ${list({ table: 'st_certification', node: `'certificationType', certification_type, 'status', status`, order: 'valid_from desc, id desc', first: PAGE_DEFAULT })},
        'rdSpending', ${list({ table: 'st_rd_spending', node: `'rdIntensity', case when operating_revenue > 0 then rd_expenditure::float8 / operating_revenue::float8 end`, order: 'year desc, id desc', first: 1 })},
        'patentCounts', ${list({ table: 'st_patent_count', node: `'inventionPatentsGranted', invention_patents_granted`, order: 'year desc, id desc', first: 1 })}
      )) order by e.uscc) from page e), '[]'::json)
    ))::text as result`;
  return { sql, params: [first] };
}

/** queries/portfolio-risk.graphql: items in request order, status per item, active signals only. */
export function portfolioSql(usccs: readonly string[]): BaselineQuery {
  const sql = `select json_build_object('portfolioRisk', coalesce(json_agg(json_build_object(
      'input', u.input,
      'status', case when e.uscc is null then 'NOT_FOUND' else 'OK' end,
      'error', case when e.uscc is null then 'no enterprise with this USCC is registered in the hub' end,
      'profile', case when e.uscc is null then null else json_build_object(
        'score', p.score, 'grade', p.grade, 'cappedBy', p.capped_by,
        'signals', coalesce((select json_agg(json_build_object('code', x.sig -> 'code', 'category', x.sig -> 'category',
            'severity', x.sig -> 'severity', 'department', x.sig -> 'department') order by x.n)
          from jsonb_array_elements(p.signals) with ordinality as x(sig, n) where (x.sig ->> 'active')::boolean), '[]'::json)) end
    ) order by u.ord), '[]'::json))::text as result
    from unnest(cast(? as text[])) with ordinality as u(input, ord)
    left join registry_enterprise e on e.uscc = u.input
    left join risk_profile p on p.uscc = e.uscc`;
  return { sql, params: [`{${usccs.join(',')}}`] };
}
