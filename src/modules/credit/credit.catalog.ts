import { type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const RECORD_META = ['id', 'provenance', 'enterprise'];
const SHARING_REGULATION = '《政务数据共享条例》(2025)';

export const creditCatalog: readonly CatalogResource[] = [
  {
    code: 'credit.penalties',
    name: 'Administrative penalties (行政处罚信息)',
    description: 'Penalty decisions published under the 双公示 rules within 7 working days.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis:
      '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》; 《政务数据共享条例》(2025)',
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['penalties'],
      AdministrativePenalty: [
        ...RECORD_META,
        'decisionNumber',
        'decisionDate',
        'authority',
        'penaltyType',
        'severity',
        'reason',
        'amount',
        'publicityEndDate',
        'repairedDate',
      ],
    },
  },
  {
    code: 'credit.licences',
    name: 'Administrative licences (行政许可信息)',
    description: 'Licence decisions published under the 双公示 rules within 7 working days.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《中华人民共和国行政许可法》第四十条; 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['licences'],
      AdministrativeLicence: [
        ...RECORD_META,
        'decisionNumber',
        'licenceName',
        'content',
        'decisionDate',
        'validFrom',
        'validTo',
        'authority',
        'status',
      ],
    },
  },
  {
    // One resource for all three lists: a GraphQL field can sit in one resource only,
    // and every list here is published to the public, so one owner and class fit them all.
    code: 'credit.lists',
    name: 'Credit lists (经营异常名录, 严重违法失信名单, 失信被执行人名单)',
    description:
      'Business-anomaly and serious-dishonesty entries from market regulation and dishonest-judgment-debtor ' +
      'entries published by the courts, in one list. Market regulation is the catalogue owner; each row keeps ' +
      'its provider in provenance, so court rows carry department COURT.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis:
      '《企业信息公示暂行条例》第十七条; 《市场监督管理严重违法失信名单管理办法》; ' +
      `《最高人民法院关于公布失信被执行人名单信息的若干规定》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['listEntries'],
      CreditListEntry: [
        ...RECORD_META,
        'list',
        'reason',
        'listedDate',
        'removedDate',
        'removalReason',
        'authority',
        'caseNumber',
      ],
    },
  },
  {
    code: 'credit.taxGrades',
    name: 'Tax credit grades (纳税信用等级)',
    description:
      'Yearly tax credit evaluation. Grade A taxpayers are published; other grades are shared on agreement only.',
    owner: Department.TAX,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《纳税信用管理办法》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.YEARLY,
    fields: {
      Enterprise: ['taxGrades'],
      TaxCreditEvaluation: [...RECORD_META, 'year', 'grade', 'evaluatedDate'],
    },
  },
  {
    code: 'credit.taxArrears',
    name: 'Tax arrears (欠税信息)',
    description: 'Outstanding and paid-off tax arrears by tax type.',
    owner: Department.TAX,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《中华人民共和国税收征收管理法》第四十五条; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.MONTHLY,
    fields: {
      Enterprise: ['taxArrears'],
      TaxArrears: [...RECORD_META, 'taxType', 'amountOwed', 'arrearsSince', 'paidOffDate'],
    },
  },
  {
    code: 'credit.riskClasses',
    name: 'Enterprise credit risk classification (企业信用风险分类)',
    description: 'Market regulation’s A–D risk class per enterprise, recomputed every month.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见》(国市监信发〔2022〕6号); ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.MONTHLY,
    fields: {
      Enterprise: ['riskClasses'],
      CreditRiskClassification: [...RECORD_META, 'month', 'riskClass'],
    },
  },
];
