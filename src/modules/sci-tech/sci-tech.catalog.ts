import { type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const RECORD_META = ['id', 'provenance', 'enterprise'];
const SHARING_REGULATION = '《政务数据共享条例》(2025)';

export const sciTechCatalog: readonly CatalogResource[] = [
  {
    code: 'sciTech.certifications',
    name: 'Science and technology certifications (科技企业资质认定信息)',
    description:
      'High-tech enterprise, tech SME, 专精特新 and other certifications; the lists are published by the issuers.',
    owner: Department.SCIENCE_TECHNOLOGY,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《高新技术企业认定管理办法》(国科发火〔2016〕32号); 《科技型中小企业评价办法》(国科发政〔2017〕115号); ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.MONTHLY,
    fields: {
      Enterprise: ['techCertifications'],
      TechCertification: [
        ...RECORD_META,
        'certificationType',
        'certificateNumber',
        'issuingAuthority',
        'validFrom',
        'validTo',
        'status',
      ],
    },
  },
  {
    code: 'sciTech.rdSpending',
    name: 'R&D spending (企业研发投入信息)',
    description:
      'Yearly R&D expenditure, operating revenue and R&D staff; enterprise financial data shared only under an agreement.',
    owner: Department.SCIENCE_TECHNOLOGY,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《科技型中小企业评价办法》(国科发政〔2017〕115号); ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.YEARLY,
    fields: {
      Enterprise: ['rdSpending'],
      RdSpending: [
        ...RECORD_META,
        'year',
        'rdExpenditure',
        'operatingRevenue',
        'rdIntensity',
        'rdStaffCount',
      ],
    },
  },
  {
    code: 'sciTech.patentCounts',
    name: 'Patent counts (企业专利数量)',
    description:
      'Invention patents, utility models, designs and pending invention applications at each year end.',
    owner: Department.SCIENCE_TECHNOLOGY,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《中华人民共和国专利法》第二十一条、第三十九条 (grants are announced publicly); ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.YEARLY,
    fields: {
      Enterprise: ['patentCounts'],
      PatentCount: [
        ...RECORD_META,
        'year',
        'inventionPatentsGranted',
        'utilityModels',
        'designs',
        'inventionApplicationsPending',
      ],
    },
  },
];
