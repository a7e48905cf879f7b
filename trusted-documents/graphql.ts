/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: any; output: any; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: any; output: any; }
  /** Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, S, V, Z; position 17 is the GB 11714 check digit, position 18 the GB 32100 check character. Both are verified. */
  USCC: { input: any; output: any; }
};

export type AccessLogConnection = {
  __typename?: 'AccessLogConnection';
  edges: Array<AccessLogEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A field an operation asked for and was refused. */
export type AccessLogDenial = {
  __typename?: 'AccessLogDenial';
  /** How many times it was refused in the operation. */
  count: Scalars['Int']['output'];
  /** Type.field. */
  field: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  /** Why it was refused, e.g. NO_AGREEMENT. */
  reason: Scalars['String']['output'];
  resource?: Maybe<Scalars['String']['output']>;
};

export type AccessLogEdge = {
  __typename?: 'AccessLogEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: AccessLogRecord;
};

/** A field read and how many values of it were served. */
export type AccessLogFieldCount = {
  __typename?: 'AccessLogFieldCount';
  count: Scalars['Int']['output'];
  /** Type.field, e.g. TaxArrears.amount. */
  field: Scalars['String']['output'];
};

/** All given conditions must hold. */
export type AccessLogFilter = {
  /** Records at or after this instant. */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Records of callers from this organisation. */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** Records that read or were refused this catalog resource. */
  resource?: InputMaybe<Scalars['String']['input']>;
  /** Records before this instant (exclusive). */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Records that touched this enterprise. */
  uscc?: InputMaybe<Scalars['USCC']['input']>;
};

/** What one operation read of conditional, not-shared or personal data, and what it was refused. Records are hash-chained: hash = SHA-256 of the canonical record including previousHash. */
export type AccessLogRecord = {
  __typename?: 'AccessLogRecord';
  denials: Array<AccessLogDenial>;
  /** SHA-256 (hex) of the query text. */
  documentHash: Scalars['String']['output'];
  hash: Scalars['String']['output'];
  /** Increasing position in the log. */
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** Department code or institution id of the caller. */
  organisation: Scalars['String']['output'];
  /** Departments owning those resources. */
  owners: Array<Scalars['String']['output']>;
  /** Hash of the record before this one; 64 zeros for the first. */
  previousHash: Scalars['String']['output'];
  principalId: Scalars['String']['output'];
  principalKind: PrincipalKind;
  /** Declared purpose of use (X-Purpose). */
  purpose?: Maybe<Purpose>;
  requestId: Scalars['String']['output'];
  /** Catalog resources read or refused. */
  resources: Array<Scalars['String']['output']>;
  resourcesRead: Array<AccessLogResourceRead>;
  /** Enterprises the operation touched. */
  usccs: Array<Scalars['USCC']['output']>;
  /** Set when the record is of a governance write. */
  write?: Maybe<AccessLogWrite>;
};

/** A catalog resource an operation read. */
export type AccessLogResourceRead = {
  __typename?: 'AccessLogResourceRead';
  /** Sharing agreement the read was made under. */
  agreementId?: Maybe<Scalars['String']['output']>;
  fields: Array<AccessLogFieldCount>;
  /** Personal data served masked. */
  masked: Scalars['Boolean']['output'];
  /** Department that owns the resource. */
  owner: Scalars['String']['output'];
  /** Catalog resource code. */
  resource: Scalars['String']['output'];
  sharing: SharingClass;
};

/** A governance write (API key, sharing agreement): the record’s principal acted; this is what and why. */
export type AccessLogWrite = {
  __typename?: 'AccessLogWrite';
  /** API_KEY_CREATED, API_KEY_REVOKED, AGREEMENT_APPLIED, AGREEMENT_APPROVED, AGREEMENT_REJECTED or AGREEMENT_REVOKED. */
  action: Scalars['String']['output'];
  details: Array<AccessLogWriteDetail>;
  /** The reason given, where the action takes one. */
  reason?: Maybe<Scalars['String']['output']>;
  targetId: Scalars['ID']['output'];
  /** ApiKey or SharingAgreement. */
  targetType: Scalars['String']['output'];
};

/** One fact of a governance write, e.g. validTo. */
export type AccessLogWriteDetail = {
  __typename?: 'AccessLogWriteDetail';
  name: Scalars['String']['output'];
  /** The value; several for lists (purposes, scopes), none for null. */
  values: Array<Scalars['String']['output']>;
};

export type AdministrativeLicence = SourceRecord & {
  __typename?: 'AdministrativeLicence';
  authority?: Maybe<Scalars['String']['output']>;
  /** What the licence permits (许可内容). */
  content?: Maybe<Scalars['String']['output']>;
  decisionDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Decision or licence number (许可决定书文号/许可证编号). */
  decisionNumber?: Maybe<Scalars['String']['output']>;
  /** The enterprise the licence was granted to. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  licenceName?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  status?: Maybe<AdministrativeLicenceStatus>;
  validFrom?: Maybe<Scalars['LocalDate']['output']>;
  /** Null when the licence has no end date. */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
};

export type AdministrativeLicenceConnection = {
  __typename?: 'AdministrativeLicenceConnection';
  edges: Array<AdministrativeLicenceEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AdministrativeLicenceEdge = {
  __typename?: 'AdministrativeLicenceEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: AdministrativeLicence;
};

export type AdministrativeLicenceStatus =
  /** 注销 */
  | 'CANCELLED'
  /** 有效期届满 */
  | 'EXPIRED'
  /** 撤销/吊销 */
  | 'REVOKED'
  /** 有效 */
  | 'VALID';

export type AdministrativePenalty = SourceRecord & {
  __typename?: 'AdministrativePenalty';
  /** Fine or confiscated amount in yuan. */
  amount?: Maybe<Scalars['Float']['output']>;
  authority?: Maybe<Scalars['String']['output']>;
  decisionDate?: Maybe<Scalars['LocalDate']['output']>;
  decisionNumber?: Maybe<Scalars['String']['output']>;
  /** The enterprise the penalty was imposed on. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  penaltyType?: Maybe<PenaltyType>;
  provenance?: Maybe<Provenance>;
  publicityEndDate?: Maybe<Scalars['LocalDate']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  /** Date credit repair was granted, if it was. */
  repairedDate?: Maybe<Scalars['LocalDate']['output']>;
  severity?: Maybe<PenaltySeverity>;
};

export type AdministrativePenaltyConnection = {
  __typename?: 'AdministrativePenaltyConnection';
  edges: Array<AdministrativePenaltyEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AdministrativePenaltyEdge = {
  __typename?: 'AdministrativePenaltyEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: AdministrativePenalty;
};

/** A machine client’s API key. The secret is never shown again after creation. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Subject of the admin who created the key. */
  createdBy: Scalars['String']['output'];
  /** Set for DEPARTMENT keys. */
  department?: Maybe<Department>;
  id: Scalars['ID']['output'];
  kind: PrincipalKind;
  /** Last successful use, to the minute. */
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  name: Scalars['String']['output'];
  organisation: Scalars['String']['output'];
  /** Public part of the key (hub_<prefix>_…), to recognise it in logs. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  revokedBy?: Maybe<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
  /** Subject of the principal the key authenticates as. */
  subject: Scalars['String']['output'];
};

export type ApplyForSharingInput = {
  /** Purposes of use the agreement is to cover; at least one, none repeated. */
  purposes: Array<Purpose>;
  /** Why the organisation needs the resource, 10 to 2000 characters. */
  reason: Scalars['String']['input'];
  /** Catalog code of a conditionally shared resource. */
  resource: Scalars['String']['input'];
};

export type CatalogField = {
  __typename?: 'CatalogField';
  fieldName: Scalars['String']['output'];
  /** Personal data: served masked to anyone but its owner. */
  personal: Scalars['Boolean']['output'];
  /** GraphQL type, e.g. TaxCreditEvaluation. */
  typeName: Scalars['String']['output'];
};

export type CreateApiKeyInput = {
  kind: PrincipalKind;
  /** A label, e.g. "Xiamen bank risk engine (prod)"; at most 100 characters. */
  name: Scalars['String']['input'];
  /** Institution id such as BANK_XM_001, or a Department code for DEPARTMENT keys; at most 64 characters. */
  organisation: Scalars['String']['input'];
  /** Scope tokens of letters, digits and : . _ - */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Subject of the principal the key authenticates as; at most 128 characters. */
  subject: Scalars['String']['input'];
};

export type CreatePortfolioInput = {
  /** Unique within the organisation, at most 200 characters. */
  name: Scalars['String']['input'];
  purpose: Purpose;
  /** Default 5 score points; 1 to 100. */
  scoreThreshold?: InputMaybe<Scalars['Float']['input']>;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The key, hub_<prefix>_<secret>. Shown only in this response: store it now; it cannot be read again. */
  key: Scalars['String']['output'];
};

export type CreditList =
  /** 经营异常名录 (market regulation) */
  | 'BUSINESS_ANOMALY'
  /** 失信被执行人名单 (courts) */
  | 'DISHONEST_JUDGMENT_DEBTOR'
  /** 严重违法失信名单 (market regulation) */
  | 'SERIOUS_DISHONESTY';

/** An entry on a credit list. Dishonest-judgment-debtor rows are provided by the courts: their provenance department is COURT. */
export type CreditListEntry = SourceRecord & {
  __typename?: 'CreditListEntry';
  authority?: Maybe<Scalars['String']['output']>;
  /** Enforcement case number (执行案号) of a court listing. */
  caseNumber?: Maybe<Scalars['String']['output']>;
  /** The enterprise on the list. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  list?: Maybe<CreditList>;
  listedDate?: Maybe<Scalars['LocalDate']['output']>;
  provenance?: Maybe<Provenance>;
  reason?: Maybe<Scalars['String']['output']>;
  removalReason?: Maybe<CreditListRemovalReason>;
  /** Null while the enterprise is still on the list. */
  removedDate?: Maybe<Scalars['LocalDate']['output']>;
};

export type CreditListEntryConnection = {
  __typename?: 'CreditListEntryConnection';
  edges: Array<CreditListEntryEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type CreditListEntryEdge = {
  __typename?: 'CreditListEntryEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: CreditListEntry;
};

export type CreditListRemovalReason =
  /** The listing was found to be wrong and was corrected. */
  | 'CORRECTED'
  /** The listing period ended. */
  | 'EXPIRED'
  /** The judgment debtor performed its obligations and was removed early. */
  | 'PERFORMED'
  /** Credit repair (信用修复) was granted. */
  | 'REPAIRED';

/** Market regulation’s enterprise credit risk class (企业信用风险分类) for one month. */
export type CreditRiskClassification = SourceRecord & {
  __typename?: 'CreditRiskClassification';
  /** The enterprise classified. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The month classified, YYYY-MM. */
  month?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  riskClass?: Maybe<EnterpriseCreditRiskClass>;
};

export type CreditRiskClassificationConnection = {
  __typename?: 'CreditRiskClassificationConnection';
  edges: Array<CreditRiskClassificationEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type CreditRiskClassificationEdge = {
  __typename?: 'CreditRiskClassificationEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: CreditRiskClassification;
};

/** A government department that provides and owns data in the hub. */
export type Department =
  /** People’s courts (法院) */
  | 'COURT'
  /** Market regulation administration (市场监督管理局) */
  | 'MARKET_REGULATION'
  /** Healthcare security / medical insurance bureau (医保局) */
  | 'MEDICAL_INSURANCE'
  /** Science and technology bureau (科技局) */
  | 'SCIENCE_TECHNOLOGY'
  /** Tax bureau (税务局) */
  | 'TAX'
  /** Transport bureau (交通运输局) */
  | 'TRANSPORT';

/** A designated medical institution or pharmacy (定点医药机构) run by the enterprise. */
export type DesignatedMedicalInstitution = SourceRecord & {
  __typename?: 'DesignatedMedicalInstitution';
  /** Date the designation agreement took effect. */
  designatedFrom?: Maybe<Scalars['LocalDate']['output']>;
  designationStatus?: Maybe<MedicalDesignationStatus>;
  /** The enterprise that runs the institution. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** National medical insurance institution code, e.g. H35020300123 (hospital) or P35020300456 (pharmacy). */
  institutionCode?: Maybe<Scalars['String']['output']>;
  institutionName?: Maybe<Scalars['String']['output']>;
  institutionType?: Maybe<MedicalInstitutionType>;
  provenance?: Maybe<Provenance>;
  /** Date the agreement was suspended or terminated; null while it has always been in force. */
  statusChangedDate?: Maybe<Scalars['LocalDate']['output']>;
};

export type DesignatedMedicalInstitutionConnection = {
  __typename?: 'DesignatedMedicalInstitutionConnection';
  edges: Array<DesignatedMedicalInstitutionEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type DesignatedMedicalInstitutionEdge = {
  __typename?: 'DesignatedMedicalInstitutionEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: DesignatedMedicalInstitution;
};

export type Enterprise = {
  __typename?: 'Enterprise';
  address?: Maybe<Scalars['String']['output']>;
  businessScope?: Maybe<Scalars['String']['output']>;
  /** Designated medical institutions and pharmacies (定点医药机构) the enterprise runs, newest first. */
  designatedInstitutions?: Maybe<DesignatedMedicalInstitutionConnection>;
  enterpriseType?: Maybe<EnterpriseType>;
  establishedDate?: Maybe<Scalars['LocalDate']['output']>;
  /** GB/T 4754-2017 four-digit industry class. */
  industryCode?: Maybe<Scalars['String']['output']>;
  industrySection?: Maybe<IndustrySection>;
  legalRepresentative?: Maybe<LegalRepresentative>;
  /** Administrative licences (行政许可), newest decision first. */
  licences?: Maybe<AdministrativeLicenceConnection>;
  /** Entries on the business-anomaly, serious-dishonesty and dishonest-judgment-debtor lists, newest listing first. Entries removed after credit repair, early (the debtor performed) or as corrections are served only to the owner department and auditors (with activeOnly: false); for anyone else they are left out. */
  listEntries?: Maybe<CreditListEntryConnection>;
  /** Medical insurance fund violations (医保基金违法违规), newest first; repaired ones only on request. */
  medicalFundViolations?: Maybe<MedicalFundViolationConnection>;
  /** Credit grades of the enterprise’s designated institutions, newest year first. */
  medicalInstitutionCreditGrades?: Maybe<MedicalInstitutionCreditGradeConnection>;
  name?: Maybe<Scalars['String']['output']>;
  /** Patents held at each year end, newest first. */
  patentCounts?: Maybe<PatentCountConnection>;
  /** Administrative penalties, newest first. */
  penalties?: Maybe<AdministrativePenaltyConnection>;
  /** Provenance of the registration record. */
  provenance?: Maybe<Provenance>;
  /** R&D spending per fiscal year, newest first. */
  rdSpending?: Maybe<RdSpendingConnection>;
  /** GB/T 2260 division of the registering authority. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** Registered capital in yuan. */
  registeredCapital?: Maybe<Scalars['Float']['output']>;
  /** Monthly enterprise credit risk classes (企业信用风险分类), latest month first. */
  riskClasses?: Maybe<CreditRiskClassificationConnection>;
  /** Explainable risk profile from all departments’ data (see the README’s risk model). */
  riskProfile?: Maybe<RiskProfile>;
  /** Monthly social-insurance contributions and arrears (单位参保缴费), newest month first. */
  socialInsuranceAccounts?: Maybe<SocialInsuranceAccountConnection>;
  status?: Maybe<EnterpriseStatus>;
  /** Tax arrears (欠税), most recent first. */
  taxArrears?: Maybe<TaxArrearsConnection>;
  /** Tax credit grades (纳税信用等级) by tax year, latest year first. */
  taxGrades?: Maybe<TaxCreditEvaluationConnection>;
  /** Science and technology certifications (高新技术企业, 科技型中小企业, ...), newest first. */
  techCertifications?: Maybe<TechCertificationConnection>;
  /** Yearly transport credit evaluations, latest year first. */
  transportCreditRatings?: Maybe<TransportCreditRatingConnection>;
  /** Transport enforcement decisions, newest first; repaired ones only on request. */
  transportEnforcements?: Maybe<TransportEnforcementConnection>;
  /** Road transport operating licences, latest first. */
  transportLicences?: Maybe<TransportLicenceConnection>;
  /** Unified Social Credit Code: the key every department uses. */
  uscc: Scalars['USCC']['output'];
  /** Commercial vehicles, most recently registered first. */
  vehicles?: Maybe<TransportVehicleConnection>;
};


export type EnterpriseDesignatedInstitutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseLicencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<AdministrativeLicenceStatus>;
};


export type EnterpriseListEntriesArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  list?: InputMaybe<CreditList>;
};


export type EnterpriseMedicalFundViolationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRepaired?: InputMaybe<Scalars['Boolean']['input']>;
  since?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type EnterpriseMedicalInstitutionCreditGradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceYear?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterprisePatentCountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceYear?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterprisePenaltiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRepaired?: InputMaybe<Scalars['Boolean']['input']>;
  since?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type EnterpriseRdSpendingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceYear?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseRiskClassesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
};


export type EnterpriseSocialInsuranceAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  inArrearsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
};


export type EnterpriseTaxArrearsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  outstandingOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type EnterpriseTaxGradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceYear?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseTechCertificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<TechCertificationType>;
  validOn?: InputMaybe<Scalars['LocalDate']['input']>;
  validOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type EnterpriseTransportCreditRatingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sinceYear?: InputMaybe<Scalars['Int']['input']>;
};


export type EnterpriseTransportEnforcementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRepaired?: InputMaybe<Scalars['Boolean']['input']>;
  since?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type EnterpriseTransportLicencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TransportLicenceStatus>;
};


export type EnterpriseVehiclesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  keyVehiclesOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type EnterpriseConnection = {
  __typename?: 'EnterpriseConnection';
  edges: Array<EnterpriseEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 企业信用风险分类 of market regulation: A low risk to D high risk. */
export type EnterpriseCreditRiskClass =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

export type EnterpriseEdge = {
  __typename?: 'EnterpriseEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Enterprise;
};

export type EnterpriseFilter = {
  /** Established on or after this date. */
  establishedFrom?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Established on or before this date. */
  establishedTo?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Has this active risk signal, e.g. TAX_ARREARS. */
  hasSignal?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 4754 class prefix of 2 to 4 digits, e.g. "65". */
  industryCodePrefix?: InputMaybe<Scalars['String']['input']>;
  industrySection?: InputMaybe<IndustrySection>;
  /** Risk score at most this (0 worst – 100 best). */
  maxRiskScore?: InputMaybe<Scalars['Float']['input']>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 prefix of 2, 4 or 6 digits: "11" is all of Beijing, "3715" Liaocheng. */
  regionPrefix?: InputMaybe<Scalars['String']['input']>;
  /** Any of these risk grades (stored risk profile). */
  riskGrades?: InputMaybe<Array<RiskGrade>>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<EnterpriseStatus>>;
};

export type EnterpriseOrder = {
  direction?: SortDirection;
  field?: EnterpriseOrderField;
};

export type EnterpriseOrderField =
  | 'ESTABLISHED_DATE'
  | 'NAME'
  | 'REGISTERED_CAPITAL'
  | 'RISK_SCORE'
  | 'USCC';

export type EnterpriseStatus =
  /** 注销 (deregistered) */
  | 'CANCELLED'
  /** 清算中 */
  | 'LIQUIDATING'
  /** 迁出 (moved to another registration authority) */
  | 'MOVED_OUT'
  /** 存续/在业 */
  | 'OPERATING'
  /** 吊销 (business licence revoked) */
  | 'REVOKED'
  /** 停业 (suspended by the enterprise) */
  | 'SUSPENDED';

/** Legal form of the registered entity. */
export type EnterpriseType =
  | 'FARMERS_COOPERATIVE'
  | 'FOREIGN_INVESTED'
  | 'INDIVIDUAL_BUSINESS'
  | 'JOINT_STOCK'
  | 'LIMITED_LIABILITY'
  | 'PARTNERSHIP'
  | 'SOLE_PROPRIETORSHIP'
  | 'STATE_OWNED';

/** GB/T 4754-2017 industry section. */
export type IndustrySection =
  /** Agriculture, forestry, animal husbandry and fishery */
  | 'A'
  /** Mining */
  | 'B'
  /** Manufacturing */
  | 'C'
  /** Electricity, heat, gas and water supply */
  | 'D'
  /** Construction */
  | 'E'
  /** Wholesale and retail */
  | 'F'
  /** Transport, storage and post */
  | 'G'
  /** Accommodation and catering */
  | 'H'
  /** Information transmission, software and IT services */
  | 'I'
  /** Finance */
  | 'J'
  /** Real estate */
  | 'K'
  /** Leasing and business services */
  | 'L'
  /** Scientific research and technical services */
  | 'M'
  /** Water conservancy, environment and public facilities */
  | 'N'
  /** Residential and repair services */
  | 'O'
  /** Education */
  | 'P'
  /** Health and social work */
  | 'Q'
  /** Culture, sports and entertainment */
  | 'R'
  /** Public administration, social security and social organisations */
  | 'S'
  /** International organisations */
  | 'T';

export type IngestJobStatus =
  | 'FAILED'
  | 'RECEIVING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** A record type departments push (see the README’s ingestion contracts). */
export type IngestRecordType =
  /** Administrative licence decision (行政许可) published under 双公示. Owner: MARKET_REGULATION. */
  | 'AdministrativeLicence'
  /** Administrative penalty decision (行政处罚) published under 双公示. Owner: MARKET_REGULATION. */
  | 'AdministrativePenalty'
  /** Entry on a credit list: market regulation writes the business-anomaly and serious-dishonesty lists, the courts the dishonest-judgment-debtor list. Owner: MARKET_REGULATION, COURT. */
  | 'CreditListEntry'
  /** Enterprise credit risk class (企业信用风险分类) for a month. Owner: MARKET_REGULATION. */
  | 'CreditRiskClassification'
  /** Designated medical institution (定点医药机构) and its designation status. Owner: MEDICAL_INSURANCE. */
  | 'DesignatedMedicalInstitution'
  /** Enterprise master record (registration, status, name, address, legal representative). Owner: MARKET_REGULATION. */
  | 'Enterprise'
  /** Medical insurance fund violation (医保基金违法违规) found by audit or screening. Owner: MEDICAL_INSURANCE. */
  | 'MedicalFundViolation'
  /** Credit evaluation grade of a designated institution for a year. Owner: MEDICAL_INSURANCE. */
  | 'MedicalInstitutionCreditGrade'
  /** Patents granted and pending for a year. Owner: SCIENCE_TECHNOLOGY. */
  | 'PatentCount'
  /** R&D expenditure, operating revenue and R&D staff for a year. Owner: SCIENCE_TECHNOLOGY. */
  | 'RdSpending'
  /** Employer social-insurance contributions and arrears for a month. Owner: MEDICAL_INSURANCE. */
  | 'SocialInsuranceAccount'
  /** Tax arrears (欠税) of an enterprise. Owner: TAX. */
  | 'TaxArrears'
  /** Tax credit grade (纳税信用等级) for a tax year. Owner: TAX. */
  | 'TaxCreditEvaluation'
  /** High-tech enterprise or tech SME certification. Owner: SCIENCE_TECHNOLOGY. */
  | 'TechCertification'
  /** Transport credit grade for a year (AA/A/B/C/D). Owner: TRANSPORT. */
  | 'TransportCreditRating'
  /** Transport enforcement decision published under 双公示. Owner: TRANSPORT. */
  | 'TransportEnforcement'
  /** Road transport operating licence (道路运输经营许可证) with its business scopes. Owner: TRANSPORT. */
  | 'TransportLicence'
  /** Operating vehicle, incl. "two passenger one dangerous" key vehicles (两客一危). Owner: TRANSPORT. */
  | 'TransportVehicle';

/** A record of a batch that was not stored, and why. */
export type IngestRejection = {
  __typename?: 'IngestRejection';
  code: IngestRejectionCode;
  /** The field whose rule was broken. */
  field?: Maybe<Scalars['String']['output']>;
  /** Position of the record in the batch (0-based). */
  index: Scalars['Int']['output'];
  /** The rule, in words. */
  message: Scalars['String']['output'];
  sourceRecordId?: Maybe<Scalars['String']['output']>;
};

/** Why a pushed record was rejected. */
export type IngestRejectionCode =
  | 'DUPLICATE_IN_BATCH'
  | 'INVALID_USCC'
  | 'INVALID_VALUE'
  | 'MALFORMED_RECORD'
  | 'MISSING_FIELD'
  | 'STALE_VERSION'
  | 'UNKNOWN_ENTERPRISE'
  | 'UNKNOWN_FIELD'
  | 'VERSION_CONFLICT';

/** What became of a pushed batch. */
export type IngestReport = {
  __typename?: 'IngestReport';
  /** False when an atomic batch had rejections: nothing was stored. */
  committed: Scalars['Boolean']['output'];
  /** The enterprise master records registered in the same request, if any. */
  enterprises?: Maybe<IngestReport>;
  inserted: Scalars['Int']['output'];
  recordType: Scalars['String']['output'];
  rejected: Scalars['Int']['output'];
  rejections: Array<IngestRejection>;
  /** Resent exactly as stored: nothing was written. */
  unchanged: Scalars['Int']['output'];
  /** Stored with a newer asOf; the previous version went to the history. */
  updated: Scalars['Int']['output'];
};

/** A bulk load (POST /ingest/<recordType>) and its progress. */
export type IngestionJob = {
  __typename?: 'IngestionJob';
  /** inserted + updated + unchanged. */
  accepted: Scalars['Int']['output'];
  department: Department;
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** ndjson or csv. */
  format: Scalars['String']['output'];
  id: Scalars['String']['output'];
  inserted: Scalars['Int']['output'];
  /** Last line whose chunk is stored. */
  lastLine: Scalars['Int']['output'];
  recordType: Scalars['String']['output'];
  /** Records (lines) read and committed. */
  recordsRead: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  /** Rejected lines in line order (the first 1,000 after afterLine). */
  rejects: Array<IngestionJobReject>;
  startedAt: Scalars['DateTimeISO']['output'];
  status: IngestJobStatus;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** A line of a bulk file that was not stored. */
export type IngestionJobReject = {
  __typename?: 'IngestionJobReject';
  code: IngestRejectionCode;
  field?: Maybe<Scalars['String']['output']>;
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  sourceRecordId?: Maybe<Scalars['String']['output']>;
};

/** The enterprise’s legal representative (法定代表人). */
export type LegalRepresentative = {
  __typename?: 'LegalRepresentative';
  /** Resident identity card number. Personal data. */
  idNumber?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
};

/** The principal the request authenticated as. */
export type Me = {
  __typename?: 'Me';
  department?: Maybe<Department>;
  id: Scalars['String']['output'];
  kind: PrincipalKind;
  organisation: Scalars['String']['output'];
  /** Purpose declared in X-Purpose. */
  purpose?: Maybe<Purpose>;
  scopes: Array<Scalars['String']['output']>;
  /** "jwt" or "api-key". */
  via: Scalars['String']['output'];
};

/** Credit grade of a designated medical institution (1000-point scale): A ≥ 900, B 800–899, C 700–799, D 600–699, E < 600 or serious dishonesty. */
export type MedicalCreditGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  /** 严重失信 (serious dishonesty) */
  | 'E';

export type MedicalDesignationStatus =
  /** 定点协议有效 */
  | 'DESIGNATED'
  /** 暂停医保结算 (agreement suspended) */
  | 'SUSPENDED'
  /** 解除医保协议 (agreement terminated) */
  | 'TERMINATED';

export type MedicalFundDetectionMethod =
  /** 大数据筛查 */
  | 'BIG_DATA_SCREENING'
  /** DRG/DIP 付费审核 */
  | 'DRG_AUDIT'
  /** 飞行检查/现场检查 */
  | 'ON_SITE_INSPECTION'
  /** 举报 */
  | 'REPORT';

/** A violation in the use of the medical insurance fund (医保基金违法违规) and its penalty decision. */
export type MedicalFundViolation = SourceRecord & {
  __typename?: 'MedicalFundViolation';
  /** Fund money wrongly paid out, in yuan. */
  amountInvolved?: Maybe<Scalars['Float']['output']>;
  /** Returned to the fund so far, in yuan. */
  amountRecovered?: Maybe<Scalars['Float']['output']>;
  decisionNumber?: Maybe<Scalars['String']['output']>;
  detectedBy?: Maybe<MedicalFundDetectionMethod>;
  /** The enterprise the decision was made against. */
  enterprise?: Maybe<Enterprise>;
  foundDate?: Maybe<Scalars['LocalDate']['output']>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** National medical insurance code of the institution at fault. */
  institutionCode?: Maybe<Scalars['String']['output']>;
  /** Fine imposed, in yuan. */
  penaltyAmount?: Maybe<Scalars['Float']['output']>;
  provenance?: Maybe<Provenance>;
  /** Date credit repair was granted, if it was. */
  repairedDate?: Maybe<Scalars['LocalDate']['output']>;
  violationType?: Maybe<MedicalFundViolationType>;
};

export type MedicalFundViolationConnection = {
  __typename?: 'MedicalFundViolationConnection';
  edges: Array<MedicalFundViolationEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MedicalFundViolationEdge = {
  __typename?: 'MedicalFundViolationEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: MedicalFundViolation;
};

export type MedicalFundViolationType =
  /** 分解住院 */
  | 'DECOMPOSED_HOSPITALISATION'
  /** 倒卖医保药品 */
  | 'DRUG_RESALE'
  /** 过度诊疗、过度检查 */
  | 'EXCESSIVE_TREATMENT'
  /** 虚假就医、虚构医药服务项目骗保 */
  | 'FALSE_CLAIMS'
  /** 其他违法违规使用医保基金 */
  | 'OTHER'
  /** 高套病组/高套收费 (DRG upcoding) */
  | 'UPCODING';

/** Annual credit evaluation of a designated medical institution (定点医药机构信用评价). */
export type MedicalInstitutionCreditGrade = SourceRecord & {
  __typename?: 'MedicalInstitutionCreditGrade';
  /** The enterprise that runs the institution. */
  enterprise?: Maybe<Enterprise>;
  grade?: Maybe<MedicalCreditGrade>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** National medical insurance code of the evaluated institution. */
  institutionCode?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  /** Points out of 1000. */
  score?: Maybe<Scalars['Int']['output']>;
  /** The year evaluated. */
  year?: Maybe<Scalars['Int']['output']>;
};

export type MedicalInstitutionCreditGradeConnection = {
  __typename?: 'MedicalInstitutionCreditGradeConnection';
  edges: Array<MedicalInstitutionCreditGradeEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MedicalInstitutionCreditGradeEdge = {
  __typename?: 'MedicalInstitutionCreditGradeEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: MedicalInstitutionCreditGrade;
};

export type MedicalInstitutionType =
  /** 定点医疗机构 (hospital, clinic, health centre) */
  | 'HOSPITAL'
  /** 定点零售药店 */
  | 'PHARMACY';

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds up to 10,000 codes (a portfolio holds at most 100,000). Invalid, repeated and excess codes are reported per item; the valid ones are added. */
  addToPortfolio?: Maybe<PortfolioChange>;
  /** Applies, for the caller’s organisation, to read a conditionally shared resource (有条件共享). */
  applyForSharing?: Maybe<SharingAgreement>;
  /** The owning department approves a pending application for the window [validFrom, validTo). */
  approveSharingAgreement?: Maybe<SharingAgreement>;
  /** Creates an API key; the key is in this response only. A key cannot outrank its issuer: the hub operator (ADMIN) issues ADMIN keys for its own organisation, an organisation’s administrator (scope api-keys:manage) keys of its own kind for its own organisation. */
  createApiKey?: Maybe<CreatedApiKey>;
  /** Creates an empty portfolio. */
  createPortfolio?: Maybe<Portfolio>;
  /** Deletes a portfolio and its members; its feed, subscriptions and webhooks stop. */
  deletePortfolio?: Maybe<Portfolio>;
  /** Pushes up to INGEST_MAX_BATCH records of one type, as the owning department. Valid records are stored beside rejected ones unless atomic; resends are unchanged, newer asOf replaces (history kept). */
  ingest?: Maybe<IngestReport>;
  /** Queues a delivery again (a DEAD one, typically), to be tried at once. */
  redeliverWebhook?: Maybe<WebhookDelivery>;
  /** Registers a client’s operations as trusted documents (ADMIN only), tied to its organisation and optionally one API key. Registering a document again for the same organisation returns it unchanged. */
  registerTrustedDocuments?: Maybe<Array<TrustedDocument>>;
  /** Registers an HTTPS endpoint that receives the portfolio’s events from now on, signed with a new secret (returned once). See the README for the signature and retry rules. */
  registerWebhook?: Maybe<WebhookRegistration>;
  /** The owning department refuses a pending application; a reason is required. */
  rejectSharingAgreement?: Maybe<SharingAgreement>;
  /** Removes up to 10,000 codes. */
  removeFromPortfolio?: Maybe<PortfolioChange>;
  renamePortfolio?: Maybe<Portfolio>;
  /** Records a credit repair decision (信用修复) or an early removal on a penalty, list entry, fund violation or transport enforcement; refused with REPAIR_NOT_ALLOWED inside the publicity period. */
  repairRecord?: Maybe<RepairResult>;
  /** Revokes an API key (ADMIN only); it is refused from the next request on. */
  revokeApiKey?: Maybe<ApiKey>;
  /** The owning department or the hub operator withdraws an approved agreement; reads stop from the next request. */
  revokeSharingAgreement?: Maybe<SharingAgreement>;
  /** Withdraws the caller department’s records (published in error, annulled): no longer served to anyone but the owner and auditors (in recordHistory), and dropped from risk profiles. */
  withdrawRecords?: Maybe<WithdrawalReport>;
};


export type MutationAddToPortfolioArgs = {
  id: Scalars['ID']['input'];
  usccs: Array<Scalars['String']['input']>;
};


export type MutationApplyForSharingArgs = {
  input: ApplyForSharingInput;
};


export type MutationApproveSharingAgreementArgs = {
  id: Scalars['ID']['input'];
  validFrom: Scalars['DateTimeISO']['input'];
  validTo: Scalars['DateTimeISO']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreatePortfolioArgs = {
  input: CreatePortfolioInput;
};


export type MutationDeletePortfolioArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIngestArgs = {
  atomic?: InputMaybe<Scalars['Boolean']['input']>;
  enterprises?: InputMaybe<Array<Scalars['JSONObject']['input']>>;
  recordType: IngestRecordType;
  records: Array<Scalars['JSONObject']['input']>;
};


export type MutationRedeliverWebhookArgs = {
  delivery: Scalars['ID']['input'];
};


export type MutationRegisterTrustedDocumentsArgs = {
  input: RegisterTrustedDocumentsInput;
};


export type MutationRegisterWebhookArgs = {
  portfolio: Scalars['ID']['input'];
  url: Scalars['String']['input'];
};


export type MutationRejectSharingAgreementArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveFromPortfolioArgs = {
  id: Scalars['ID']['input'];
  usccs: Array<Scalars['String']['input']>;
};


export type MutationRenamePortfolioArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationRepairRecordArgs = {
  decision: RepairDecisionInput;
  recordType: IngestRecordType;
  sourceRecordId: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSharingAgreementArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationWithdrawRecordsArgs = {
  reason: Scalars['String']['input'];
  recordType: IngestRecordType;
  sourceRecordIds: Array<Scalars['String']['input']>;
};

/** The limits your operations run under. See the README section "Operation limits" for the cost model. */
export type OperationLimits = {
  __typename?: 'OperationLimits';
  /** Page size the cost model assumes for a list asked for without `first`. */
  defaultPageSize: Scalars['Int']['output'];
  maxAliases: Scalars['Int']['output'];
  /** Largest estimated cost of one operation (the lower of the hub limit and your budget). */
  maxCost: Scalars['Int']['output'];
  /** Deepest field nesting, fragments flattened. */
  maxDepth: Scalars['Int']['output'];
  maxDirectives: Scalars['Int']['output'];
  maxRootFields: Scalars['Int']['output'];
  /** Most field selections, fragments expanded where used. */
  maxSelections: Scalars['Int']['output'];
  /** Most lexical tokens in a document. */
  maxTokens: Scalars['Int']['output'];
  /** Execution deadline of one operation, in milliseconds. */
  operationTimeoutMs: Scalars['Int']['output'];
  /** Cost points you may spend per window; they refill evenly. */
  rateLimitPoints: Scalars['Int']['output'];
  rateLimitWindowSeconds: Scalars['Int']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Patents held at the end of one year. */
export type PatentCount = SourceRecord & {
  __typename?: 'PatentCount';
  /** Design patents (外观设计). */
  designs?: Maybe<Scalars['Int']['output']>;
  /** The enterprise holding the patents. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Invention applications still under examination. */
  inventionApplicationsPending?: Maybe<Scalars['Int']['output']>;
  /** Invention patents granted and in force (发明专利). */
  inventionPatentsGranted?: Maybe<Scalars['Int']['output']>;
  provenance?: Maybe<Provenance>;
  /** Utility model patents (实用新型). */
  utilityModels?: Maybe<Scalars['Int']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};

export type PatentCountConnection = {
  __typename?: 'PatentCountConnection';
  edges: Array<PatentCountEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PatentCountEdge = {
  __typename?: 'PatentCountEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: PatentCount;
};

export type PenaltySeverity =
  | 'GENERAL'
  | 'MINOR'
  | 'SERIOUS';

export type PenaltyType =
  | 'CONFISCATION'
  | 'FINE'
  | 'LICENCE_REVOCATION'
  | 'OTHER'
  | 'SUSPENSION'
  | 'WARNING';

/** A watch list of the caller’s organisation: the enterprises it holds and the purpose it watches them under. */
export type Portfolio = {
  __typename?: 'Portfolio';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  memberCount: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Every event is authorised for this purpose of use, at delivery time. */
  purpose: Purpose;
  /** SCORE_MOVED events under this many points are not delivered. */
  scoreThreshold: Scalars['Float']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** What a batch added to or removed from a portfolio did. */
export type PortfolioChange = {
  __typename?: 'PortfolioChange';
  /** Codes added (or removed). */
  accepted: Scalars['Int']['output'];
  items: Array<PortfolioItemReport>;
  portfolio: Portfolio;
  /** Codes reported in `items` instead. */
  unchanged: Scalars['Int']['output'];
};

export type PortfolioItemOutcome =
  | 'ADDED'
  | 'ALREADY_PRESENT'
  | 'DUPLICATE'
  | 'INVALID_USCC'
  | 'NOT_PRESENT'
  | 'PORTFOLIO_FULL'
  | 'REMOVED';

/** A code of a batch that was not taken as asked, and why. */
export type PortfolioItemReport = {
  __typename?: 'PortfolioItemReport';
  /** Position in the `usccs` argument, from 0. */
  index: Scalars['Int']['output'];
  input: Scalars['String']['output'];
  message?: Maybe<Scalars['String']['output']>;
  outcome: PortfolioItemOutcome;
  /** For INVALID_USCC the failed check: LENGTH, CHARACTER, ORG_CODE_CHECK_DIGIT, CHECK_CHARACTER. */
  reason?: Maybe<Scalars['String']['output']>;
};

export type PortfolioItemStatus =
  | 'INVALID_USCC'
  | 'NOT_FOUND'
  | 'OK';

/** One requested code of a portfolio, in request order. */
export type PortfolioRiskItem = {
  __typename?: 'PortfolioRiskItem';
  /** Why there is no profile, for INVALID_USCC and NOT_FOUND. */
  error?: Maybe<Scalars['String']['output']>;
  /** The code as sent. */
  input?: Maybe<Scalars['String']['output']>;
  profile?: Maybe<RiskProfile>;
  status?: Maybe<PortfolioItemStatus>;
  uscc?: Maybe<Scalars['USCC']['output']>;
};

export type PrincipalKind =
  /** Manages API keys and agreements; reads no conditional data by being admin. */
  | 'ADMIN'
  /** A dashboard or analyst. */
  | 'ANALYST'
  /** Oversight: reads the access log. */
  | 'AUDITOR'
  /** A bank or guarantee company risk engine. */
  | 'BANK'
  /** A government department system; its organisation is a Department code. */
  | 'DEPARTMENT';

/** Where a record came from and how fresh it is. */
export type Provenance = {
  __typename?: 'Provenance';
  /** When the fact was true at the source. */
  asOf: Scalars['DateTimeISO']['output'];
  /** Department that provided and owns the record. */
  department: Department;
  /** When the hub received the record. */
  receivedAt: Scalars['DateTimeISO']['output'];
  /** The providing department’s own identifier of the record. */
  sourceRecordId: Scalars['String']['output'];
};

export type Purpose =
  /** Lending and guarantee decisions (banks, guarantee companies). */
  | 'CREDIT_ASSESSMENT'
  /** Enforcement of a law or a court judgment. */
  | 'LAW_ENFORCEMENT'
  /** Delivering a public service to the enterprise. */
  | 'PUBLIC_SERVICE'
  /** Aggregate statistics and dashboards. */
  | 'STATISTICS'
  /** Regulatory supervision by a department. */
  | 'SUPERVISION';

export type Query = {
  __typename?: 'Query';
  /** Who read what, newest first. Auditors see every record; a department sees the records that read or were refused resources it owns; anyone else is FORBIDDEN. Each read of the log is itself logged (resource audit.accessLog, visible to auditors). */
  accessLog: AccessLogConnection;
  /** API keys, newest first (ADMIN only). Secrets are never returned. */
  apiKeys: Array<ApiKey>;
  /** One enterprise by its USCC; an unknown code is a NOT_FOUND error. */
  enterprise?: Maybe<Enterprise>;
  /** Enterprises matching a filter, in pages; null with FORBIDDEN when a filter or ordering tests data you may not read. */
  enterprises?: Maybe<EnterpriseConnection>;
  /** A bulk load’s status, progress and rejects: for the department that runs it and auditors. */
  ingestionJob: IngestionJob;
  /** Who the hub thinks you are. */
  me: Me;
  /** What may I read? The data catalog with, for you and a purpose (default: the X-Purpose header), whether each resource is readable and under which agreement. */
  myAccess: Array<ResourceAccess>;
  /** The limits your operations run under: cost, depth, aliases, tokens, rate-limit budget, deadline. */
  myLimits: OperationLimits;
  /** Risk profiles of up to 1000 enterprises, in request order. An invalid or unknown code is reported in its own item; it does not fail the call. The purpose of use is the `purpose` argument or the X-Purpose header (one purpose per operation: if both are given they must agree). */
  portfolioRisk?: Maybe<Array<PortfolioRiskItem>>;
  /** The caller’s organisation’s portfolios, by name. */
  portfolios: Array<Portfolio>;
  /** A pushed record with its superseded, withdrawn and repaired versions: for its owner and auditors. */
  recordHistory: RecordHistory;
  /** The replayable feed of a portfolio: its members’ risk events in commit order, after `after`. Each event is authorised now for the portfolio’s purpose; events the caller may not read are skipped. Keep `pageInfo.endCursor` and continue from it: no event is skipped or repeated. */
  riskEvents?: Maybe<RiskEventConnection>;
  /** Counts, average score and active signals by category, grouped in SQL over every stored profile. Buckets smaller than the minimum cell size are withheld so that no single enterprise can be read off. */
  riskStatistics?: Maybe<RiskStatistics>;
  /** Agreements the caller may see: its organisation’s applications, for a department also those for its resources, and for ADMIN and AUDITOR all. Newest first. */
  sharingAgreements: SharingAgreementConnection;
  /** Registered trusted documents, newest first (ADMIN only). */
  trustedDocuments: Array<TrustedDocument>;
  /** Deliveries of one of the caller’s endpoints, oldest first. */
  webhookDeliveries: Array<WebhookDelivery>;
};


export type QueryAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryApiKeysArgs = {
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryEnterpriseArgs = {
  uscc: Scalars['USCC']['input'];
};


export type QueryEnterprisesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnterpriseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EnterpriseOrder>;
};


export type QueryIngestionJobArgs = {
  afterLine?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['String']['input'];
};


export type QueryMyAccessArgs = {
  purpose?: InputMaybe<Purpose>;
};


export type QueryPortfolioRiskArgs = {
  purpose?: InputMaybe<Purpose>;
  usccs: Array<Scalars['String']['input']>;
};


export type QueryRecordHistoryArgs = {
  department?: InputMaybe<Department>;
  recordType: IngestRecordType;
  sourceRecordId: Scalars['String']['input'];
};


export type QueryRiskEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  portfolio: Scalars['ID']['input'];
};


export type QueryRiskStatisticsArgs = {
  filter?: InputMaybe<RiskStatisticsFilter>;
  groupBy: Array<RiskGroupBy>;
};


export type QuerySharingAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  resource?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<SharingAgreementStatus>;
};


export type QueryTrustedDocumentsArgs = {
  organisation?: InputMaybe<Scalars['String']['input']>;
};


export type QueryWebhookDeliveriesArgs = {
  endpoint: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** R&D spending of one fiscal year (研发投入). */
export type RdSpending = SourceRecord & {
  __typename?: 'RdSpending';
  /** The enterprise that reported the spending. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Operating revenue in yuan. */
  operatingRevenue?: Maybe<Scalars['Float']['output']>;
  provenance?: Maybe<Provenance>;
  /** R&D expenditure in yuan. */
  rdExpenditure?: Maybe<Scalars['Float']['output']>;
  /** R&D intensity (研发投入强度): rdExpenditure / operatingRevenue as a ratio (0.05 = 5 %); null without revenue. */
  rdIntensity?: Maybe<Scalars['Float']['output']>;
  /** Number of R&D staff. */
  rdStaffCount?: Maybe<Scalars['Int']['output']>;
  /** Fiscal year. */
  year?: Maybe<Scalars['Int']['output']>;
};

export type RdSpendingConnection = {
  __typename?: 'RdSpendingConnection';
  edges: Array<RdSpendingEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type RdSpendingEdge = {
  __typename?: 'RdSpendingEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: RdSpending;
};

/** What happened to a stored version. */
export type RecordChange =
  | 'REPAIRED'
  | 'REPLACED'
  | 'WITHDRAWN';

/** A pushed record: what is served now and what it was before. */
export type RecordHistory = {
  __typename?: 'RecordHistory';
  /** The stored row; null once withdrawn. */
  current?: Maybe<Scalars['JSONObject']['output']>;
  department: Department;
  recordType: Scalars['String']['output'];
  sourceRecordId: Scalars['String']['output'];
  /** Earlier versions, newest change first. */
  versions: Array<RecordVersion>;
  withdrawn: Scalars['Boolean']['output'];
};

/** A superseded version of a pushed record. */
export type RecordVersion = {
  __typename?: 'RecordVersion';
  asOf: Scalars['DateTimeISO']['output'];
  change: RecordChange;
  changedAt: Scalars['DateTimeISO']['output'];
  changedBy: Scalars['String']['output'];
  /** The row as it was stored (columns by name). */
  data: Scalars['JSONObject']['output'];
  /** Repair decision number, date, legal basis. */
  details?: Maybe<Scalars['JSONObject']['output']>;
  /** Request or job id of the change. */
  job: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

export type RegisterTrustedDocumentsInput = {
  /** Tie the documents to this API key of the organisation. */
  apiKeyId?: InputMaybe<Scalars['ID']['input']>;
  /** Operation texts (e.g. the values of GraphQL Code Generator’s persisted-documents.json); each must validate against the schema. */
  documents: Array<Scalars['String']['input']>;
  /** Organisation of the client whose documents these are. */
  organisation: Scalars['String']['input'];
};

/** A credit repair decision (信用修复) or an early removal. */
export type RepairDecisionInput = {
  /** YYYY-MM-DD, not in the future. */
  decisionDate: Scalars['String']['input'];
  decisionNumber: Scalars['String']['input'];
  /** REPAIRED: credit repair after the publicity period; PERFORMED: a dishonest debtor performed. */
  kind: RepairKind;
  legalBasis: Scalars['String']['input'];
};

export type RepairKind =
  | 'PERFORMED'
  | 'REPAIRED';

export type RepairResult = {
  __typename?: 'RepairResult';
  recordType: Scalars['String']['output'];
  repairedDate: Scalars['String']['output'];
  sourceRecordId: Scalars['String']['output'];
};

/** A catalog resource (信息资源目录 entry) and whether the caller may read it for a purpose. */
export type ResourceAccess = {
  __typename?: 'ResourceAccess';
  /** The agreement that grants it, for conditional resources. */
  agreementId?: Maybe<Scalars['ID']['output']>;
  code: Scalars['String']['output'];
  /** Why not, when not readable (e.g. NO_AGREEMENT). */
  deniedReason?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  fields: Array<CatalogField>;
  /** Purposes the caller’s active agreements grant for this resource. */
  grantedPurposes: Array<Purpose>;
  legalBasis: Scalars['String']['output'];
  /** Whether some of its fields are served masked to the caller. */
  masked: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  owner: Department;
  /** Whether the caller may read these fields for the purpose asked about. */
  readable: Scalars['Boolean']['output'];
  sharing: SharingClass;
  updateCycle: UpdateCycle;
};

export type RiskContribution = {
  __typename?: 'RiskContribution';
  department?: Maybe<Department>;
  /** When the signal happened; null when you may not read the record behind it. */
  occurredOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Points added to (or, negative, removed from) the dimension. */
  points?: Maybe<Scalars['Float']['output']>;
  signalCode?: Maybe<Scalars['String']['output']>;
};

export type RiskDimension =
  | 'GROWTH_POTENTIAL'
  | 'OPERATING_EFFICIENCY'
  | 'OVERALL_RISK'
  | 'SOCIAL_VALUE'
  | 'TECHNOLOGICAL_INNOVATION';

export type RiskDimensionScore = {
  __typename?: 'RiskDimensionScore';
  /** Starting score before signals. */
  base?: Maybe<Scalars['Float']['output']>;
  contributions?: Maybe<Array<RiskContribution>>;
  dimension?: Maybe<RiskDimension>;
  score?: Maybe<Scalars['Float']['output']>;
  /** Weight in the overall score. */
  weight?: Maybe<Scalars['Float']['output']>;
};

/** A change of a watched enterprise’s risk. Delivered only if the watcher may read, now and for the portfolio’s purpose, what it reveals. */
export type RiskEvent = {
  __typename?: 'RiskEvent';
  /** Pass as `after` to continue after this event. */
  cursor: Scalars['String']['output'];
  /** Signal events: the department that reported it. */
  department?: Maybe<Scalars['String']['output']>;
  /** Signal events: what happened, in words. */
  detail?: Maybe<Scalars['String']['output']>;
  /** Grade, score or status before the change. */
  from?: Maybe<Scalars['String']['output']>;
  /** The event’s id, unique and stable: the idempotency key of a delivery. */
  id: Scalars['ID']['output'];
  kind: RiskEventKind;
  /** When the change was committed. */
  occurredAt: Scalars['DateTimeISO']['output'];
  /** Signal events: GraphQL type of the record behind it. */
  recordType?: Maybe<Scalars['String']['output']>;
  /** Signal events: the signal code. */
  signalCode?: Maybe<Scalars['String']['output']>;
  /** Grade, score or status after the change. */
  to?: Maybe<Scalars['String']['output']>;
  uscc: Scalars['String']['output'];
};

export type RiskEventConnection = {
  __typename?: 'RiskEventConnection';
  edges: Array<RiskEventEdge>;
  /** `endCursor` is past every event looked at, so a reader always moves forward. */
  pageInfo: PageInfo;
};

export type RiskEventEdge = {
  __typename?: 'RiskEventEdge';
  cursor: Scalars['String']['output'];
  node: RiskEvent;
};

export type RiskEventKind =
  /** The risk grade moved from one letter to another. */
  | 'GRADE_CHANGED'
  /** The score moved by at least the portfolio’s threshold. */
  | 'SCORE_MOVED'
  /** A signal stopped counting: its record was repaired, withdrawn, paid or expired. */
  | 'SIGNAL_CLEARED'
  /** A risk or positive signal became active (its record was published). */
  | 'SIGNAL_RAISED'
  /** The registered status of the enterprise changed. */
  | 'STATUS_CHANGED';

/** A (lowest risk) to E; bands in the README risk model table. */
export type RiskGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E';

export type RiskGroupBy =
  | 'INDUSTRY_SECTION'
  | 'REGION_CITY'
  | 'REGION_PROVINCE'
  | 'RISK_GRADE'
  | 'TAX_GRADE'
  | 'TRANSPORT_GRADE';

/** Explainable risk profile computed from every department’s data. */
export type RiskProfile = {
  __typename?: 'RiskProfile';
  /** A signal that capped the score, if one did. */
  cappedBy?: Maybe<Scalars['String']['output']>;
  computedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  dimensions?: Maybe<Array<RiskDimensionScore>>;
  grade?: Maybe<RiskGrade>;
  modelVersion?: Maybe<Scalars['String']['output']>;
  /** 0 (worst) to 100 (best). */
  score?: Maybe<Scalars['Float']['output']>;
  signals?: Maybe<Array<RiskSignal>>;
  sources?: Maybe<Array<RiskSourceFreshness>>;
};

/** One fact that moved the score, with the department and record it comes from. */
export type RiskSignal = {
  __typename?: 'RiskSignal';
  /** False once repaired, removed, paid or expired: it no longer counts. */
  active?: Maybe<Scalars['Boolean']['output']>;
  category?: Maybe<SignalCategory>;
  code?: Maybe<Scalars['String']['output']>;
  /** Source department. */
  department?: Maybe<Department>;
  /** Short explanation with the record’s values if you may read the record; otherwise a value-free description. */
  detail?: Maybe<Scalars['String']['output']>;
  /** When it happened; null when you may not read the record behind the signal. */
  occurredOn?: Maybe<Scalars['LocalDate']['output']>;
  /** The source record, if you may read its resource; otherwise null with a FORBIDDEN error. */
  record?: Maybe<SourceRecord>;
  /** GraphQL type of the source record. */
  recordType?: Maybe<Scalars['String']['output']>;
  severity?: Maybe<SignalSeverity>;
};

export type RiskSourceFreshness = {
  __typename?: 'RiskSourceFreshness';
  /** Newest asOf of that department’s records for the enterprise; null unless you may read all of its record types. */
  asOf?: Maybe<Scalars['DateTimeISO']['output']>;
  department?: Maybe<Department>;
  stale?: Maybe<Scalars['Boolean']['output']>;
  /** Days after which this source counts as stale; null: event-driven. */
  staleAfterDays?: Maybe<Scalars['Int']['output']>;
};

export type RiskStatistics = {
  __typename?: 'RiskStatistics';
  buckets?: Maybe<Array<RiskStatisticsBucket>>;
  minimumCellSize?: Maybe<Scalars['Int']['output']>;
  /** True when nothing is returned because the filtered population, or its difference from a filter one argument away, is under the minimum cell size. */
  suppressed?: Maybe<Scalars['Boolean']['output']>;
  /** Buckets withheld because they hold fewer enterprises than the minimum cell size. */
  suppressedBuckets?: Maybe<Scalars['Int']['output']>;
  /** Why the answer was suppressed. */
  suppressionReason?: Maybe<Scalars['String']['output']>;
  /** Enterprises matching the filter; null when the answer is suppressed. */
  total?: Maybe<Scalars['Int']['output']>;
};

export type RiskStatisticsBucket = {
  __typename?: 'RiskStatisticsBucket';
  averageScore?: Maybe<Scalars['Float']['output']>;
  count?: Maybe<Scalars['Int']['output']>;
  industrySection?: Maybe<IndustrySection>;
  judicialSignals?: Maybe<Scalars['Int']['output']>;
  operatingSignals?: Maybe<Scalars['Int']['output']>;
  positiveSignals?: Maybe<Scalars['Int']['output']>;
  /** GB/T 2260 city prefix (4 digits) when grouped by it. */
  regionCity?: Maybe<Scalars['String']['output']>;
  /** GB/T 2260 province prefix (2 digits) when grouped by it. */
  regionProvince?: Maybe<Scalars['String']['output']>;
  riskGrade?: Maybe<RiskGrade>;
  sectorComplianceSignals?: Maybe<Scalars['Int']['output']>;
  /** Latest tax credit grade (税务局), when grouped by it. */
  taxGrade?: Maybe<Scalars['String']['output']>;
  /** Latest transport credit grade (交通运输局), when grouped by it. */
  transportGrade?: Maybe<Scalars['String']['output']>;
};

export type RiskStatisticsFilter = {
  industrySection?: InputMaybe<IndustrySection>;
  /** GB/T 2260 prefix of 2, 4 or 6 digits. */
  regionPrefix?: InputMaybe<Scalars['String']['input']>;
  riskGrades?: InputMaybe<Array<RiskGrade>>;
};

/** A consumer organisation’s agreement (共享协议) to read one conditionally shared catalog resource for stated purposes. */
export type SharingAgreement = {
  __typename?: 'SharingAgreement';
  /** Organisation that applied and that reads under the agreement. */
  consumerOrganisation: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** When the owner approved or rejected the application. */
  decidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The owner’s reason for a rejection. */
  decisionReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Department that owns the resource and decides the application. */
  ownerDepartment: Department;
  purposes: Array<Purpose>;
  /** The consumer’s justification. */
  reason: Scalars['String']['output'];
  /** Catalog resource code, e.g. credit.taxGrades. */
  resource: Scalars['String']['output'];
  /** Catalog name of the resource. */
  resourceName: Scalars['String']['output'];
  revocationReason?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** EXPIRED when approved but past validTo. */
  status: SharingAgreementStatus;
  /** Start of the approved window. */
  validFrom?: Maybe<Scalars['DateTimeISO']['output']>;
  /** End of the approved window (exclusive). */
  validTo?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type SharingAgreementConnection = {
  __typename?: 'SharingAgreementConnection';
  edges: Array<SharingAgreementEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type SharingAgreementEdge = {
  __typename?: 'SharingAgreementEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: SharingAgreement;
};

export type SharingAgreementStatus =
  /** Approved by the owner; grants reads while inside its validity window. */
  | 'APPROVED'
  /** Approved, but its validity window has ended. */
  | 'EXPIRED'
  /** Applied for; awaiting the owning department’s decision. */
  | 'PENDING'
  /** Refused by the owner, with a reason. */
  | 'REJECTED'
  /** Withdrawn after approval by the owner or the hub operator, with a reason. */
  | 'REVOKED';

export type SharingClass =
  /** 有条件共享: readable by named consumers under an agreement, for stated purposes. */
  | 'CONDITIONAL'
  /** 不予共享: readable only by the owner. */
  | 'NOT_SHARED'
  /** 无条件共享: readable by every authenticated department and consumer. */
  | 'UNCONDITIONAL';

export type SignalCategory =
  | 'JUDICIAL'
  | 'OPERATING'
  | 'POSITIVE'
  | 'SECTOR_COMPLIANCE';

export type SignalSeverity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** An employer’s social-insurance contributions for one month (单位参保缴费). */
export type SocialInsuranceAccount = SourceRecord & {
  __typename?: 'SocialInsuranceAccount';
  /** Unpaid contributions (due minus paid, never negative), in yuan. */
  arrears?: Maybe<Scalars['Float']['output']>;
  /** Contributions due for the month, in yuan. */
  contributionsDue?: Maybe<Scalars['Float']['output']>;
  /** Contributions paid for the month, in yuan. */
  contributionsPaid?: Maybe<Scalars['Float']['output']>;
  /** The employer. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Employees insured through the employer that month. */
  insuredHeadcount?: Maybe<Scalars['Int']['output']>;
  /** Contribution month, YYYY-MM. */
  period?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
};

export type SocialInsuranceAccountConnection = {
  __typename?: 'SocialInsuranceAccountConnection';
  edges: Array<SocialInsuranceAccountEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type SocialInsuranceAccountEdge = {
  __typename?: 'SocialInsuranceAccountEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: SocialInsuranceAccount;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** A record provided by a department, with its provenance. */
export type SourceRecord = {
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  provenance?: Maybe<Provenance>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Risk events of a portfolio as they are committed (graphql-ws on /graphql; authenticate in connectionParams). From now on, or from `after` (a cursor of the feed or of an event) to resume. Each event is authorised at delivery for the portfolio’s purpose, as in `riskEvents`. */
  riskEventAdded: RiskEvent;
};


export type SubscriptionRiskEventAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  portfolio: Scalars['ID']['input'];
};

/** Unpaid tax (欠税) of one tax type. */
export type TaxArrears = SourceRecord & {
  __typename?: 'TaxArrears';
  /** Amount owed in yuan. */
  amountOwed?: Maybe<Scalars['Float']['output']>;
  arrearsSince?: Maybe<Scalars['LocalDate']['output']>;
  /** The enterprise that owes the tax. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Null while the arrears are outstanding. */
  paidOffDate?: Maybe<Scalars['LocalDate']['output']>;
  provenance?: Maybe<Provenance>;
  /** Tax type, e.g. 增值税, 企业所得税. */
  taxType?: Maybe<Scalars['String']['output']>;
};

export type TaxArrearsConnection = {
  __typename?: 'TaxArrearsConnection';
  edges: Array<TaxArrearsEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TaxArrearsEdge = {
  __typename?: 'TaxArrearsEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TaxArrears;
};

/** The tax credit grade (纳税信用等级) given for one tax year. */
export type TaxCreditEvaluation = SourceRecord & {
  __typename?: 'TaxCreditEvaluation';
  /** The enterprise evaluated. */
  enterprise?: Maybe<Enterprise>;
  evaluatedDate?: Maybe<Scalars['LocalDate']['output']>;
  grade?: Maybe<TaxCreditGrade>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  provenance?: Maybe<Provenance>;
  /** The tax year evaluated. */
  year?: Maybe<Scalars['Int']['output']>;
};

export type TaxCreditEvaluationConnection = {
  __typename?: 'TaxCreditEvaluationConnection';
  edges: Array<TaxCreditEvaluationEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TaxCreditEvaluationEdge = {
  __typename?: 'TaxCreditEvaluationEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TaxCreditEvaluation;
};

/** 纳税信用等级 (A best, D worst; M for new or low-activity taxpayers). */
export type TaxCreditGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'M';

/** A science and technology certification held by the enterprise. */
export type TechCertification = SourceRecord & {
  __typename?: 'TechCertification';
  /** Certificate number, e.g. GR202335000123 for a high-tech enterprise. */
  certificateNumber?: Maybe<Scalars['String']['output']>;
  certificationType?: Maybe<TechCertificationType>;
  /** The enterprise holding the certification. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  issuingAuthority?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  /** Status as reported by the issuer; use validOnly to judge validity on a date. */
  status?: Maybe<TechCertificationStatus>;
  validFrom?: Maybe<Scalars['LocalDate']['output']>;
  /** Last day of validity (inclusive). */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
};

export type TechCertificationConnection = {
  __typename?: 'TechCertificationConnection';
  edges: Array<TechCertificationEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TechCertificationEdge = {
  __typename?: 'TechCertificationEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TechCertification;
};

export type TechCertificationStatus =
  | 'EXPIRED'
  | 'REVOKED'
  | 'VALID';

export type TechCertificationType =
  /** 高新技术企业 (High and New Technology Enterprise), valid 3 years. */
  | 'HIGH_TECH_ENTERPRISE'
  /** Other science and technology recognitions. */
  | 'OTHER'
  /** 专精特新中小企业 (specialised, refined, distinctive and innovative SME). */
  | 'SPECIALISED_NEW'
  /** 科技型中小企业 (technology-based SME), evaluated every year. */
  | 'TECH_SME';

/** Business scope of a road transport operating licence. */
export type TransportBusinessScope =
  /** 集装箱运输 */
  | 'CONTAINER'
  /** 危险货物运输 */
  | 'DANGEROUS_GOODS'
  /** 普通货运 */
  | 'GENERAL_FREIGHT'
  /** 大型物件运输 */
  | 'LARGE_OBJECT'
  /** 包车客运 */
  | 'PASSENGER_CHARTER'
  /** 班车客运 */
  | 'PASSENGER_SCHEDULED';

/** Road transport enterprise credit grade (道路运输企业信用评价等级). */
export type TransportCreditGrade =
  | 'A'
  | 'AA'
  | 'B'
  | 'C'
  | 'D';

/** Yearly road transport enterprise credit evaluation (道路运输企业信用评价). */
export type TransportCreditRating = SourceRecord & {
  __typename?: 'TransportCreditRating';
  /** The evaluated enterprise. */
  enterprise?: Maybe<Enterprise>;
  /** ≥90 AA, 80–90 A, 60–80 B, 40–60 C, <40 D; 20 or more penalty points cap it at C. */
  grade?: Maybe<TransportCreditGrade>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Credit penalty points incurred in the year. */
  penaltyPoints?: Maybe<Scalars['Int']['output']>;
  provenance?: Maybe<Provenance>;
  /** Score from 0 to 100. */
  score?: Maybe<Scalars['Float']['output']>;
  /** Evaluation year. */
  year?: Maybe<Scalars['Int']['output']>;
};

export type TransportCreditRatingConnection = {
  __typename?: 'TransportCreditRatingConnection';
  edges: Array<TransportCreditRatingEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TransportCreditRatingEdge = {
  __typename?: 'TransportCreditRatingEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TransportCreditRating;
};

/** Transport administrative enforcement decision (交通运输行政执法). */
export type TransportEnforcement = SourceRecord & {
  __typename?: 'TransportEnforcement';
  authority?: Maybe<Scalars['String']['output']>;
  decisionDate?: Maybe<Scalars['LocalDate']['output']>;
  decisionNumber?: Maybe<Scalars['String']['output']>;
  /** The enterprise the decision was made against. */
  enterprise?: Maybe<Enterprise>;
  /** Fine in yuan. */
  fine?: Maybe<Scalars['Float']['output']>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Credit penalty points (信用扣分). */
  penaltyPoints?: Maybe<Scalars['Int']['output']>;
  provenance?: Maybe<Provenance>;
  /** Date credit repair was granted, if it was. */
  repairedDate?: Maybe<Scalars['LocalDate']['output']>;
  violation?: Maybe<Scalars['String']['output']>;
};

export type TransportEnforcementConnection = {
  __typename?: 'TransportEnforcementConnection';
  edges: Array<TransportEnforcementEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TransportEnforcementEdge = {
  __typename?: 'TransportEnforcementEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TransportEnforcement;
};

/** Road transport operating licence (道路运输经营许可证). */
export type TransportLicence = SourceRecord & {
  __typename?: 'TransportLicence';
  /** Scopes the licence permits. */
  businessScopes?: Maybe<Array<TransportBusinessScope>>;
  /** The licence holder. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  licenceNumber?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  status?: Maybe<TransportLicenceStatus>;
  validFrom?: Maybe<Scalars['LocalDate']['output']>;
  validTo?: Maybe<Scalars['LocalDate']['output']>;
};

export type TransportLicenceConnection = {
  __typename?: 'TransportLicenceConnection';
  edges: Array<TransportLicenceEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TransportLicenceEdge = {
  __typename?: 'TransportLicenceEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TransportLicence;
};

export type TransportLicenceStatus =
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'VALID';

/** A commercial vehicle holding a road transport certificate. */
export type TransportVehicle = SourceRecord & {
  __typename?: 'TransportVehicle';
  category?: Maybe<VehicleCategory>;
  /** The operator of the vehicle. */
  enterprise?: Maybe<Enterprise>;
  /** The hub’s identifier of the record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Key vehicle under dynamic supervision (两客一危: coaches, buses, dangerous goods). */
  keyVehicle?: Maybe<Scalars['Boolean']['output']>;
  /** Licence plate, e.g. 闽D12345. */
  plateNumber?: Maybe<Scalars['String']['output']>;
  provenance?: Maybe<Provenance>;
  registrationDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Road transport certificate (道路运输证) number. */
  transportCertificateNumber?: Maybe<Scalars['String']['output']>;
};

export type TransportVehicleConnection = {
  __typename?: 'TransportVehicleConnection';
  edges: Array<TransportVehicleEdge>;
  pageInfo: PageInfo;
  /** Number of items matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TransportVehicleEdge = {
  __typename?: 'TransportVehicleEdge';
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: TransportVehicle;
};

/** An operation registered as trusted: with TRUSTED_DOCUMENTS=required only these (and queries/) run. */
export type TrustedDocument = {
  __typename?: 'TrustedDocument';
  /** The API key the document is tied to, if one. */
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  /** The operation text, byte for byte as registered. */
  document: Scalars['String']['output'];
  /** sha256:<hex SHA-256 of the text>, the documentId clients send. */
  documentId: Scalars['ID']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** The client organisation the document was registered for. */
  organisation: Scalars['String']['output'];
  registeredAt: Scalars['DateTimeISO']['output'];
  /** Subject of the admin who registered it. */
  registeredBy: Scalars['String']['output'];
};

export type UpdateCycle =
  | 'DAILY'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'REAL_TIME'
  | 'WEEKLY'
  | 'YEARLY';

export type VehicleCategory =
  | 'BUS'
  | 'COACH'
  | 'DANGEROUS_GOODS_TANKER'
  | 'OTHER'
  | 'TRACTOR'
  | 'TRUCK';

export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  deliveredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The event’s id, sent as the Idempotency-Key header. */
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryStatus =
  /** Failed WEBHOOK_MAX_ATTEMPTS times; re-deliverable with redeliverWebhook. */
  | 'DEAD'
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Queued or waiting for its next try. */
  | 'PENDING';

export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  portfolio: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};

export type WebhookRegistration = {
  __typename?: 'WebhookRegistration';
  endpoint: WebhookEndpoint;
  /** HMAC-SHA256 key of this endpoint’s signatures. Shown only in this answer: store it now; it cannot be read again. */
  secret: Scalars['String']['output'];
};

export type WithdrawalReport = {
  __typename?: 'WithdrawalReport';
  /** Ids not stored for the caller’s department. */
  notFound: Array<Scalars['String']['output']>;
  recordType: Scalars['String']['output'];
  withdrawn: Scalars['Int']['output'];
};

export type EnterprisePageAllDomainsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EnterprisePageAllDomainsQuery = { __typename?: 'Query', enterprises?: { __typename?: 'EnterpriseConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'EnterpriseEdge', node: { __typename?: 'Enterprise', uscc: any, name?: string | null, status?: EnterpriseStatus | null, legalRepresentative?: { __typename?: 'LegalRepresentative', name?: string | null } | null, penalties?: { __typename?: 'AdministrativePenaltyConnection', totalCount: number, edges: Array<{ __typename?: 'AdministrativePenaltyEdge', node: { __typename?: 'AdministrativePenalty', decisionNumber?: string | null, amount?: number | null, enterprise?: { __typename?: 'Enterprise', uscc: any } | null } }> } | null, licences?: { __typename?: 'AdministrativeLicenceConnection', edges: Array<{ __typename?: 'AdministrativeLicenceEdge', node: { __typename?: 'AdministrativeLicence', licenceName?: string | null, status?: AdministrativeLicenceStatus | null } }> } | null, listEntries?: { __typename?: 'CreditListEntryConnection', edges: Array<{ __typename?: 'CreditListEntryEdge', node: { __typename?: 'CreditListEntry', list?: CreditList | null, listedDate?: any | null } }> } | null, taxGrades?: { __typename?: 'TaxCreditEvaluationConnection', edges: Array<{ __typename?: 'TaxCreditEvaluationEdge', node: { __typename?: 'TaxCreditEvaluation', year?: number | null, grade?: TaxCreditGrade | null } }> } | null, taxArrears?: { __typename?: 'TaxArrearsConnection', edges: Array<{ __typename?: 'TaxArrearsEdge', node: { __typename?: 'TaxArrears', amountOwed?: number | null } }> } | null, riskClasses?: { __typename?: 'CreditRiskClassificationConnection', edges: Array<{ __typename?: 'CreditRiskClassificationEdge', node: { __typename?: 'CreditRiskClassification', riskClass?: EnterpriseCreditRiskClass | null } }> } | null, socialInsuranceAccounts?: { __typename?: 'SocialInsuranceAccountConnection', edges: Array<{ __typename?: 'SocialInsuranceAccountEdge', node: { __typename?: 'SocialInsuranceAccount', period?: string | null, arrears?: number | null } }> } | null, designatedInstitutions?: { __typename?: 'DesignatedMedicalInstitutionConnection', edges: Array<{ __typename?: 'DesignatedMedicalInstitutionEdge', node: { __typename?: 'DesignatedMedicalInstitution', institutionType?: MedicalInstitutionType | null, designationStatus?: MedicalDesignationStatus | null } }> } | null, medicalInstitutionCreditGrades?: { __typename?: 'MedicalInstitutionCreditGradeConnection', edges: Array<{ __typename?: 'MedicalInstitutionCreditGradeEdge', node: { __typename?: 'MedicalInstitutionCreditGrade', year?: number | null, grade?: MedicalCreditGrade | null } }> } | null, medicalFundViolations?: { __typename?: 'MedicalFundViolationConnection', edges: Array<{ __typename?: 'MedicalFundViolationEdge', node: { __typename?: 'MedicalFundViolation', violationType?: MedicalFundViolationType | null, amountInvolved?: number | null } }> } | null, transportLicences?: { __typename?: 'TransportLicenceConnection', edges: Array<{ __typename?: 'TransportLicenceEdge', node: { __typename?: 'TransportLicence', licenceNumber?: string | null, businessScopes?: Array<TransportBusinessScope> | null } }> } | null, vehicles?: { __typename?: 'TransportVehicleConnection', totalCount: number, edges: Array<{ __typename?: 'TransportVehicleEdge', node: { __typename?: 'TransportVehicle', plateNumber?: string | null, keyVehicle?: boolean | null } }> } | null, transportCreditRatings?: { __typename?: 'TransportCreditRatingConnection', edges: Array<{ __typename?: 'TransportCreditRatingEdge', node: { __typename?: 'TransportCreditRating', grade?: TransportCreditGrade | null } }> } | null, transportEnforcements?: { __typename?: 'TransportEnforcementConnection', edges: Array<{ __typename?: 'TransportEnforcementEdge', node: { __typename?: 'TransportEnforcement', decisionDate?: any | null, penaltyPoints?: number | null } }> } | null, techCertifications?: { __typename?: 'TechCertificationConnection', edges: Array<{ __typename?: 'TechCertificationEdge', node: { __typename?: 'TechCertification', certificationType?: TechCertificationType | null, status?: TechCertificationStatus | null } }> } | null, rdSpending?: { __typename?: 'RdSpendingConnection', edges: Array<{ __typename?: 'RdSpendingEdge', node: { __typename?: 'RdSpending', rdIntensity?: number | null } }> } | null, patentCounts?: { __typename?: 'PatentCountConnection', edges: Array<{ __typename?: 'PatentCountEdge', node: { __typename?: 'PatentCount', inventionPatentsGranted?: number | null } }> } | null } }> } | null };

export type EnterpriseProfileQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type EnterpriseProfileQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: any, name?: string | null, enterpriseType?: EnterpriseType | null, status?: EnterpriseStatus | null, establishedDate?: any | null, registeredCapital?: number | null, regionCode?: string | null, industrySection?: IndustrySection | null, industryCode?: string | null, legalRepresentative?: { __typename?: 'LegalRepresentative', name?: string | null } | null, provenance?: { __typename?: 'Provenance', department: Department, sourceRecordId: string, asOf: any, receivedAt: any } | null, penalties?: { __typename?: 'AdministrativePenaltyConnection', totalCount: number, edges: Array<{ __typename?: 'AdministrativePenaltyEdge', node: { __typename?: 'AdministrativePenalty', decisionNumber?: string | null, decisionDate?: any | null, penaltyType?: PenaltyType | null, severity?: PenaltySeverity | null, amount?: number | null, provenance?: { __typename?: 'Provenance', department: Department, asOf: any } | null } }> } | null, listEntries?: { __typename?: 'CreditListEntryConnection', edges: Array<{ __typename?: 'CreditListEntryEdge', node: { __typename?: 'CreditListEntry', list?: CreditList | null, listedDate?: any | null, reason?: string | null, caseNumber?: string | null, provenance?: { __typename?: 'Provenance', department: Department } | null } }> } | null, taxGrades?: { __typename?: 'TaxCreditEvaluationConnection', edges: Array<{ __typename?: 'TaxCreditEvaluationEdge', node: { __typename?: 'TaxCreditEvaluation', year?: number | null, grade?: TaxCreditGrade | null } }> } | null, taxArrears?: { __typename?: 'TaxArrearsConnection', edges: Array<{ __typename?: 'TaxArrearsEdge', node: { __typename?: 'TaxArrears', taxType?: string | null, amountOwed?: number | null, arrearsSince?: any | null } }> } | null, riskClasses?: { __typename?: 'CreditRiskClassificationConnection', edges: Array<{ __typename?: 'CreditRiskClassificationEdge', node: { __typename?: 'CreditRiskClassification', month?: string | null, riskClass?: EnterpriseCreditRiskClass | null } }> } | null, socialInsuranceAccounts?: { __typename?: 'SocialInsuranceAccountConnection', edges: Array<{ __typename?: 'SocialInsuranceAccountEdge', node: { __typename?: 'SocialInsuranceAccount', period?: string | null, insuredHeadcount?: number | null, arrears?: number | null } }> } | null, designatedInstitutions?: { __typename?: 'DesignatedMedicalInstitutionConnection', edges: Array<{ __typename?: 'DesignatedMedicalInstitutionEdge', node: { __typename?: 'DesignatedMedicalInstitution', institutionCode?: string | null, institutionType?: MedicalInstitutionType | null, designationStatus?: MedicalDesignationStatus | null } }> } | null, medicalFundViolations?: { __typename?: 'MedicalFundViolationConnection', edges: Array<{ __typename?: 'MedicalFundViolationEdge', node: { __typename?: 'MedicalFundViolation', foundDate?: any | null, violationType?: MedicalFundViolationType | null, detectedBy?: MedicalFundDetectionMethod | null, amountInvolved?: number | null, amountRecovered?: number | null } }> } | null, transportLicences?: { __typename?: 'TransportLicenceConnection', edges: Array<{ __typename?: 'TransportLicenceEdge', node: { __typename?: 'TransportLicence', licenceNumber?: string | null, businessScopes?: Array<TransportBusinessScope> | null, status?: TransportLicenceStatus | null, validTo?: any | null } }> } | null, vehicles?: { __typename?: 'TransportVehicleConnection', totalCount: number, edges: Array<{ __typename?: 'TransportVehicleEdge', node: { __typename?: 'TransportVehicle', plateNumber?: string | null, category?: VehicleCategory | null, keyVehicle?: boolean | null } }> } | null, transportCreditRatings?: { __typename?: 'TransportCreditRatingConnection', edges: Array<{ __typename?: 'TransportCreditRatingEdge', node: { __typename?: 'TransportCreditRating', year?: number | null, score?: number | null, grade?: TransportCreditGrade | null } }> } | null, techCertifications?: { __typename?: 'TechCertificationConnection', edges: Array<{ __typename?: 'TechCertificationEdge', node: { __typename?: 'TechCertification', certificationType?: TechCertificationType | null, certificateNumber?: string | null, validTo?: any | null } }> } | null, rdSpending?: { __typename?: 'RdSpendingConnection', edges: Array<{ __typename?: 'RdSpendingEdge', node: { __typename?: 'RdSpending', year?: number | null, rdExpenditure?: number | null, rdIntensity?: number | null } }> } | null, patentCounts?: { __typename?: 'PatentCountConnection', edges: Array<{ __typename?: 'PatentCountEdge', node: { __typename?: 'PatentCount', year?: number | null, inventionPatentsGranted?: number | null } }> } | null } | null };

export type EnterprisesInRegionQueryVariables = Exact<{
  region: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EnterprisesInRegionQuery = { __typename?: 'Query', enterprises?: { __typename?: 'EnterpriseConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'EnterpriseEdge', node: { __typename?: 'Enterprise', uscc: any, name?: string | null, regionCode?: string | null, registeredCapital?: number | null } }> } | null };

export type PortfolioRiskQueryVariables = Exact<{
  usccs: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type PortfolioRiskQuery = { __typename?: 'Query', portfolioRisk?: Array<{ __typename?: 'PortfolioRiskItem', input?: string | null, status?: PortfolioItemStatus | null, error?: string | null, profile?: { __typename?: 'RiskProfile', score?: number | null, grade?: RiskGrade | null, cappedBy?: string | null, signals?: Array<{ __typename?: 'RiskSignal', code?: string | null, category?: SignalCategory | null, severity?: SignalSeverity | null, department?: Department | null }> | null } | null }> | null };

export type RiskProfileQueryVariables = Exact<{
  uscc: Scalars['USCC']['input'];
}>;


export type RiskProfileQuery = { __typename?: 'Query', enterprise?: { __typename?: 'Enterprise', uscc: any, name?: string | null, riskProfile?: { __typename?: 'RiskProfile', score?: number | null, grade?: RiskGrade | null, cappedBy?: string | null, modelVersion?: string | null, computedAt?: any | null, dimensions?: Array<{ __typename?: 'RiskDimensionScore', dimension?: RiskDimension | null, score?: number | null, weight?: number | null, contributions?: Array<{ __typename?: 'RiskContribution', signalCode?: string | null, points?: number | null, department?: Department | null, occurredOn?: any | null }> | null }> | null, signals?: Array<{ __typename?: 'RiskSignal', code?: string | null, category?: SignalCategory | null, severity?: SignalSeverity | null, department?: Department | null, occurredOn?: any | null, detail?: string | null }> | null, sources?: Array<{ __typename?: 'RiskSourceFreshness', department?: Department | null, asOf?: any | null, stale?: boolean | null }> | null } | null } | null };

export type RiskStatisticsQueryVariables = Exact<{
  groupBy: Array<RiskGroupBy> | RiskGroupBy;
  filter?: InputMaybe<RiskStatisticsFilter>;
}>;


export type RiskStatisticsQuery = { __typename?: 'Query', riskStatistics?: { __typename?: 'RiskStatistics', total?: number | null, suppressedBuckets?: number | null, minimumCellSize?: number | null, buckets?: Array<{ __typename?: 'RiskStatisticsBucket', regionCity?: string | null, riskGrade?: RiskGrade | null, count?: number | null, averageScore?: number | null, judicialSignals?: number | null, operatingSignals?: number | null, sectorComplianceSignals?: number | null, positiveSignals?: number | null }> | null } | null };

export type WhatMayIReadQueryVariables = Exact<{
  purpose?: InputMaybe<Purpose>;
}>;


export type WhatMayIReadQuery = { __typename?: 'Query', me: { __typename?: 'Me', organisation: string, kind: PrincipalKind }, myAccess: Array<{ __typename?: 'ResourceAccess', code: string, owner: Department, sharing: SharingClass, legalBasis: string, updateCycle: UpdateCycle, readable: boolean, masked: boolean, deniedReason?: string | null, agreementId?: string | null }> };


export const EnterprisePageAllDomainsDocument = {"__meta__":{"hash":"da291d5d680b7619aaf5f26f578f29850209bc5148febd4aece5443d516e1ec2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisePageAllDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"penalties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"licences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenceName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"listEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"listedDate"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxGrades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxArrears"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountOwed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskClass"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsuranceAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"designatedInstitutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"institutionType"}},{"kind":"Field","name":{"kind":"Name","value":"designationStatus"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"medicalInstitutionCreditGrades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"medicalFundViolations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"amountInvolved"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transportLicences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"businessScopes"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"keyVehicle"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transportCreditRatings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transportEnforcements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"penaltyPoints"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"techCertifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rdSpending"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rdIntensity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"patentCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventionPatentsGranted"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterprisePageAllDomainsQuery, EnterprisePageAllDomainsQueryVariables>;
export const EnterpriseProfileDocument = {"__meta__":{"hash":"8f8d9c38b5e93957342b6be816d42e0d8aae2f2f907a1334fcd0129499db0c01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"establishedDate"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"industrySection"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"penalties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"penaltyType"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"listEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"listedDate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxGrades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxArrears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"outstandingOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxType"}},{"kind":"Field","name":{"kind":"Name","value":"amountOwed"}},{"kind":"Field","name":{"kind":"Name","value":"arrearsSince"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"riskClass"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsuranceAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"insuredHeadcount"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"designatedInstitutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"institutionCode"}},{"kind":"Field","name":{"kind":"Name","value":"institutionType"}},{"kind":"Field","name":{"kind":"Name","value":"designationStatus"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"medicalFundViolations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"foundDate"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"detectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"amountInvolved"}},{"kind":"Field","name":{"kind":"Name","value":"amountRecovered"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transportLicences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"businessScopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyVehiclesOnly"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"keyVehicle"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transportCreditRatings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"techCertifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"validOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationType"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rdSpending"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"rdExpenditure"}},{"kind":"Field","name":{"kind":"Name","value":"rdIntensity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"patentCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"inventionPatentsGranted"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseProfileQuery, EnterpriseProfileQueryVariables>;
export const EnterprisesInRegionDocument = {"__meta__":{"hash":"06f666019e5a52714969ba9ace380ac60dd131c11c4867a22a472120f4d6791c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisesInRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"regionPrefix"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"industrySection"},"value":{"kind":"EnumValue","value":"C"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPERATING"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"REGISTERED_CAPITAL"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterprisesInRegionQuery, EnterprisesInRegionQueryVariables>;
export const PortfolioRiskDocument = {"__meta__":{"hash":"210178a32ef51b4b1f06aa3d9c4a31e96f0a3db7c40123248fb468134052ab77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortfolioRisk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioRisk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usccs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usccs"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"EnumValue","value":"CREDIT_ASSESSMENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"cappedBy"}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"department"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortfolioRiskQuery, PortfolioRiskQueryVariables>;
export const RiskProfileDocument = {"__meta__":{"hash":"d7e37082e55e83b8a8e61455c32be5bee863497b47bd7c378eb50a387208b038"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RiskProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"USCC"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"riskProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"cappedBy"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalCode"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RiskProfileQuery, RiskProfileQueryVariables>;
export const RiskStatisticsDocument = {"__meta__":{"hash":"0b8814768ba82f80aca484514037aa67bed2e969a4de86d7445d15b3b452f769"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RiskStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RiskGroupBy"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RiskStatisticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBuckets"}},{"kind":"Field","name":{"kind":"Name","value":"minimumCellSize"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCity"}},{"kind":"Field","name":{"kind":"Name","value":"riskGrade"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"judicialSignals"}},{"kind":"Field","name":{"kind":"Name","value":"operatingSignals"}},{"kind":"Field","name":{"kind":"Name","value":"sectorComplianceSignals"}},{"kind":"Field","name":{"kind":"Name","value":"positiveSignals"}}]}}]}}]}}]} as unknown as DocumentNode<RiskStatisticsQuery, RiskStatisticsQueryVariables>;
export const WhatMayIReadDocument = {"__meta__":{"hash":"2fd60471115c869d775547a48b477dccf480e1fc7d892e63b41c6ef3f0dafd31"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhatMayIRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"updateCycle"}},{"kind":"Field","name":{"kind":"Name","value":"readable"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"deniedReason"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}}]}}]}}]} as unknown as DocumentNode<WhatMayIReadQuery, WhatMayIReadQueryVariables>;