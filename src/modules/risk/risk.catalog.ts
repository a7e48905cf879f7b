import { type CatalogArgument, type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';
import type { ProfileFacetDeclaration } from '../../common/risk-signal.js';

const BASIS = '《社会信用体系建设规划纲要（2014—2020年）》; 《政务数据共享条例》(2025)';

/**
 * The risk view is derived data with its own sharing decision: a consumer may be
 * allowed the profile (score, grade, dimensions, signal codes) without being
 * allowed the records behind it; RiskSignal.record then stays closed (the
 * resolver checks the record's own resource). Aggregates are unconditional,
 * with small cells withheld, while individual profiles are conditional.
 */
export const riskCatalog = (facets: readonly ProfileFacetDeclaration[]): readonly CatalogResource[] => [
  {
    code: 'risk.profile',
    name: 'Enterprise risk profile (企业信用风险画像)',
    description: 'Score, grade, five dimensions and active signals computed by the hub from all departments.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: BASIS,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['riskProfile'],
      PortfolioRiskItem: ['profile'],
      RiskProfile: [
        'score',
        'grade',
        'cappedBy',
        'modelVersion',
        'computedAt',
        'dimensions',
        'signals',
        'sources',
      ],
      RiskDimensionScore: ['dimension', 'score', 'base', 'weight', 'contributions'],
      RiskContribution: ['signalCode', 'points', 'department', 'occurredOn'],
      RiskSignal: [
        'code',
        'category',
        'severity',
        'department',
        'occurredOn',
        'active',
        'detail',
        'recordType',
        'record',
      ],
      RiskSourceFreshness: ['department', 'asOf', 'staleAfterDays', 'stale'],
    },
  },
  {
    code: 'risk.portfolio',
    name: 'Portfolio request status',
    description:
      'Whether each requested code is valid and registered; the registration itself is unconditional.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: BASIS,
    updateCycle: UpdateCycle.REAL_TIME,
    fields: { PortfolioRiskItem: ['input', 'uscc', 'status', 'error'] },
  },
  {
    code: 'risk.statistics',
    name: 'Risk statistics (风险统计)',
    description: `Counts, average scores and signal counts by region, industry and grade; cells under the minimum size withheld.`,
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: BASIS,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      RiskStatistics: [
        'buckets',
        'total',
        'suppressedBuckets',
        'minimumCellSize',
        'suppressed',
        'suppressionReason',
      ],
      RiskStatisticsBucket: [
        'regionProvince',
        'regionCity',
        'industrySection',
        'riskGrade',
        ...facets.map((f) => f.key),
        'count',
        'averageScore',
        'judicialSignals',
        'operatingSignals',
        'sectorComplianceSignals',
        'positiveSignals',
      ],
    },
  },
];

/**
 * The inputs of the risk operations. Statistics filters and groupings test the
 * same values the aggregate returns, so they are decided as the aggregate
 * (unconditional, with the minimum cell size on every number it returns, the
 * filtered population included): they may narrow a population, never below the
 * minimum cell size.
 */
export const riskArguments = (facets: readonly ProfileFacetDeclaration[]): readonly CatalogArgument[] => [
  { coordinate: 'Query.portfolioRisk(usccs:)', rule: { sameAs: 'PortfolioRiskItem.uscc' } },
  { coordinate: 'Query.portfolioRisk(purpose:)', rule: { open: 'declares the purpose of use' } },
  {
    coordinate: 'Query.riskStatistics(groupBy:)',
    rule: {
      byValue: {
        REGION_PROVINCE: 'RiskStatisticsBucket.regionProvince',
        REGION_CITY: 'RiskStatisticsBucket.regionCity',
        INDUSTRY_SECTION: 'RiskStatisticsBucket.industrySection',
        RISK_GRADE: 'RiskStatisticsBucket.riskGrade',
        ...Object.fromEntries(facets.map((f) => [f.groupBy, `RiskStatisticsBucket.${f.key}`])),
      },
    },
  },
  { coordinate: 'Query.riskStatistics(filter:)', rule: { open: 'an input object; its fields are decided' } },
  { coordinate: 'RiskStatisticsFilter.regionPrefix', rule: { sameAs: 'RiskStatisticsBucket.regionCity' } },
  {
    coordinate: 'RiskStatisticsFilter.industrySection',
    rule: { sameAs: 'RiskStatisticsBucket.industrySection' },
  },
  { coordinate: 'RiskStatisticsFilter.riskGrades', rule: { sameAs: 'RiskStatisticsBucket.riskGrade' } },
];
