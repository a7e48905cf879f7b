import { SharingClass, UpdateCycle, type CatalogResource } from '../../auth/catalog.js';
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
