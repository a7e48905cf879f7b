import { type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const RECORD_META = ['id', 'provenance', 'enterprise'];
const SHARING_REGULATION = '《政务数据共享条例》(2025)';

export const transportCreditCatalog: readonly CatalogResource[] = [
  {
    code: 'transport.licences',
    name: 'Road transport operating licences (道路运输经营许可信息)',
    description:
      'Licence number, business scope, validity and status; administrative licences are published.',
    owner: Department.TRANSPORT,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《中华人民共和国道路运输条例》; 《中华人民共和国行政许可法》第四十条; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['transportLicences'],
      TransportLicence: [...RECORD_META, 'licenceNumber', 'businessScopes', 'validFrom', 'validTo', 'status'],
    },
  },
  {
    code: 'transport.vehicles',
    name: 'Commercial vehicles (营运车辆信息)',
    description:
      'Vehicles with road transport certificates, including key vehicles (两客一危); shared for supervision under agreement.',
    owner: Department.TRANSPORT,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《道路运输车辆动态监督管理办法》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['vehicles'],
      TransportVehicle: [
        ...RECORD_META,
        'plateNumber',
        'category',
        'keyVehicle',
        'registrationDate',
        'transportCertificateNumber',
      ],
    },
  },
  {
    code: 'transport.creditRatings',
    name: 'Road transport enterprise credit evaluations (道路运输企业信用评价结果)',
    description: 'Yearly score, penalty points and grade AA–D; evaluation results are published.',
    owner: Department.TRANSPORT,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《道路运输企业质量信誉考核办法（试行）》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.YEARLY,
    fields: {
      Enterprise: ['transportCreditRatings'],
      TransportCreditRating: [...RECORD_META, 'year', 'score', 'penaltyPoints', 'grade'],
    },
  },
  {
    code: 'transport.enforcements',
    name: 'Transport administrative enforcement decisions (交通运输行政执法信息)',
    description: 'Enforcement decisions published under 双公示; repaired records stop being shared.',
    owner: Department.TRANSPORT,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《交通运输行政执法程序规定》; 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['transportEnforcements'],
      TransportEnforcement: [
        ...RECORD_META,
        'decisionNumber',
        'decisionDate',
        'violation',
        'penaltyPoints',
        'fine',
        'authority',
        'repairedDate',
      ],
    },
  },
];
