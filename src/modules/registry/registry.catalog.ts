import { type CatalogArgument, type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const PUBLICITY_BASIS = '《企业信息公示暂行条例》第六条; 《政务数据共享条例》(2025)';

export const registryCatalog: readonly CatalogResource[] = [
  {
    code: 'registry.basic',
    name: 'Enterprise registration (企业登记基本信息)',
    description: 'Registration facts published on the national enterprise credit publicity system.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: PUBLICITY_BASIS,
    updateCycle: UpdateCycle.REAL_TIME,
    fields: {
      Enterprise: [
        'uscc',
        'name',
        'enterpriseType',
        'status',
        'establishedDate',
        'registeredCapital',
        'regionCode',
        'industrySection',
        'industryCode',
        'address',
        'businessScope',
        'legalRepresentative',
        'provenance',
      ],
      LegalRepresentative: ['name'],
    },
  },
  {
    code: 'registry.legalRepresentativeIdentity',
    name: 'Legal representative identity number (法定代表人身份证件号码)',
    description: 'Identity card number of the legal representative; personal information.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: '《中华人民共和国个人信息保护法》第三十四条; 《政务数据共享条例》(2025)',
    updateCycle: UpdateCycle.REAL_TIME,
    fields: { LegalRepresentative: [{ field: 'idNumber', personal: true }] },
  },
];

const open = (reason: string) => ({ open: reason });

/**
 * The inputs of `enterprise` and `enterprises`. A filter or ordering reveals the
 * value it tests (a count of 1 for `riskGrades: [E]` is the grade), so each is
 * decided as the field it tests; the risk inputs as the risk profile, and
 * `hasSignal` also as the record the signal comes from.
 */
export const registryArguments: readonly CatalogArgument[] = [
  { coordinate: 'Query.enterprise(uscc:)', rule: { sameAs: 'Enterprise.uscc' } },
  { coordinate: 'Query.enterprises(first:)', rule: open('page size') },
  { coordinate: 'Query.enterprises(after:)', rule: open('a cursor this list issued') },
  { coordinate: 'Query.enterprises(filter:)', rule: open('an input object; its fields are decided') },
  { coordinate: 'Query.enterprises(orderBy:)', rule: open('an input object; its fields are decided') },
  { coordinate: 'EnterpriseFilter.regionPrefix', rule: { sameAs: 'Enterprise.regionCode' } },
  { coordinate: 'EnterpriseFilter.industrySection', rule: { sameAs: 'Enterprise.industrySection' } },
  { coordinate: 'EnterpriseFilter.industryCodePrefix', rule: { sameAs: 'Enterprise.industryCode' } },
  { coordinate: 'EnterpriseFilter.status', rule: { sameAs: 'Enterprise.status' } },
  { coordinate: 'EnterpriseFilter.nameContains', rule: { sameAs: 'Enterprise.name' } },
  { coordinate: 'EnterpriseFilter.establishedFrom', rule: { sameAs: 'Enterprise.establishedDate' } },
  { coordinate: 'EnterpriseFilter.establishedTo', rule: { sameAs: 'Enterprise.establishedDate' } },
  { coordinate: 'EnterpriseFilter.riskGrades', rule: { sameAs: 'RiskProfile.grade' } },
  { coordinate: 'EnterpriseFilter.maxRiskScore', rule: { sameAs: 'RiskProfile.score' } },
  { coordinate: 'EnterpriseFilter.hasSignal', rule: { sameAs: 'RiskSignal.code', signalCode: true } },
  {
    coordinate: 'EnterpriseOrder.field',
    rule: {
      byValue: {
        USCC: 'Enterprise.uscc',
        NAME: 'Enterprise.name',
        ESTABLISHED_DATE: 'Enterprise.establishedDate',
        REGISTERED_CAPITAL: 'Enterprise.registeredCapital',
        RISK_SCORE: 'RiskProfile.score',
      },
    },
  },
  {
    coordinate: 'EnterpriseOrder.direction',
    rule: open('the direction of an ordering decided by its field'),
  },
];
