import { REGIONS } from '../../src/common/regions.js';
import {
  CreditList,
  EnterpriseCreditRiskClass,
  TaxCreditGrade,
} from '../../src/modules/credit/credit.enums.js';

/**
 * What the README, the tests and a person trying the hub rely on for the demo
 * enterprises; generated records are bent to fit it, never the reverse.
 */
export interface DemoCreditProfile {
  /** No list entries, no arrears, risk class A. */
  readonly clean?: boolean;
  /** Grade for every evaluated year. */
  readonly taxGrade?: TaxCreditGrade;
  /** Lists with at least one entry that is still active. */
  readonly activeLists?: readonly CreditList[];
  readonly outstandingArrears?: boolean;
  readonly riskClass?: EnterpriseCreditRiskClass;
  /** At least this many licences. */
  readonly minLicences?: number;
}

export const DEMO_CREDIT: Readonly<Record<string, DemoCreditProfile>> = {
  '91350100M000100Y43': {
    clean: true,
    taxGrade: TaxCreditGrade.A,
    riskClass: EnterpriseCreditRiskClass.A,
    minLicences: 3,
  },
  '91310230MA1K314J7C': { clean: true, taxGrade: TaxCreditGrade.A, riskClass: EnterpriseCreditRiskClass.A },
  '91350200776049653A': { activeLists: [CreditList.BUSINESS_ANOMALY] },
  '91440101MA5CJQ4N59': {
    activeLists: [CreditList.SERIOUS_DISHONESTY, CreditList.DISHONEST_JUDGMENT_DEBTOR],
    taxGrade: TaxCreditGrade.D,
    outstandingArrears: true,
    riskClass: EnterpriseCreditRiskClass.D,
  },
};

const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

// Province abbreviations used in court case numbers (案号), by GB/T 2260 province prefix.
const PROVINCE_ABBREVIATION: Readonly<Record<string, string>> = {
  '11': '京',
  '12': '津',
  '14': '晋',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '35': '闽',
  '37': '鲁',
  '41': '豫',
  '44': '粤',
  '45': '桂',
  '50': '渝',
  '51': '川',
};

/** Place name for an authority; a division outside the sample data gets a neutral name. */
export function localName(regionCode: string): string {
  const region = REGION_BY_CODE.get(regionCode);
  return region ? `${region.city}${region.name}` : '';
}

export function caseNumber(regionCode: string, year: string, serial: number): string {
  const province = PROVINCE_ABBREVIATION[regionCode.slice(0, 2)] ?? '';
  return `（${year}）${province}${regionCode.slice(2)}执${serial}号`;
}

/** Latest of two ISO dates. */
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
