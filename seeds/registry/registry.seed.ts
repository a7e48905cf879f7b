import { Department } from '../../src/common/department.js';
import { REGIONS } from '../../src/common/regions.js';
import type { ModuleSeeder } from '../seed-types.js';
import type { Rng } from '../rng.js';
import { EnterpriseEntity } from '../../src/modules/registry/enterprise.entity.js';
import { EnterpriseStatus, EnterpriseType } from '../../src/modules/registry/enterprise.enums.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
];
const BRANDS = [
  '华信',
  '恒通',
  '宏远',
  '天成',
  '嘉禾',
  '瑞丰',
  '鑫源',
  '泰和',
  '东方',
  '金桥',
  '中兴',
  '永盛',
  '安达',
  '博远',
  '启明',
  '新锐',
];
const TRADE_BY_SECTION: Record<string, string> = {
  A: '农业发展',
  B: '矿业',
  C: '制造',
  D: '能源',
  E: '建设工程',
  F: '商贸',
  G: '物流运输',
  H: '餐饮管理',
  I: '信息技术',
  J: '投资管理',
  K: '置业',
  L: '商务服务',
  M: '科技',
  N: '环境工程',
  O: '家政服务',
  P: '教育咨询',
  Q: '医疗',
  R: '文化传媒',
  S: '社会服务',
  T: '国际交流',
};
const SCOPE_BY_SECTION: Record<string, string> = {
  C: '一般项目：机械设备制造；金属制品销售；技术服务、技术开发。',
  F: '一般项目：日用百货销售；食品销售（仅销售预包装食品）；进出口代理。',
  G: '许可项目：道路货物运输（不含危险货物）；一般项目：普通货物仓储服务；国内货物运输代理。',
  I: '一般项目：软件开发；信息系统集成服务；数据处理和存储支持服务。',
  M: '一般项目：工程和技术研究和试验发展；技术服务、技术开发、技术咨询、技术转让。',
  Q: '许可项目：医疗服务；药品零售；一般项目：医疗器械销售。',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident identity number with a valid ISO 7064 MOD 11-2 check character. */
function residentIdNumber(rng: Rng, region: string): string {
  const birth = `${rng.int(1960, 1995)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${region}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11]!;
}

function enterpriseType(uscc: string, rng: Rng): EnterpriseType {
  if (uscc.startsWith('92')) return EnterpriseType.INDIVIDUAL_BUSINESS;
  if (uscc.startsWith('93')) return EnterpriseType.FARMERS_COOPERATIVE;
  return rng.weighted([
    [EnterpriseType.LIMITED_LIABILITY, 80],
    [EnterpriseType.JOINT_STOCK, 6],
    [EnterpriseType.SOLE_PROPRIETORSHIP, 4],
    [EnterpriseType.PARTNERSHIP, 4],
    [EnterpriseType.STATE_OWNED, 3],
    [EnterpriseType.FOREIGN_INVESTED, 3],
  ]);
}

export const registrySeeder: ModuleSeeder = {
  seed(e, rng, sink, ctx) {
    const region = REGIONS.find((r) => r.code === e.regionCode);
    const trade = TRADE_BY_SECTION[e.industrySection] ?? '实业';
    const status =
      e.troubleLevel === 3
        ? rng.weighted([
            [EnterpriseStatus.OPERATING, 60],
            [EnterpriseStatus.REVOKED, 30],
            [EnterpriseStatus.LIQUIDATING, 10],
          ])
        : rng.weighted([
            [EnterpriseStatus.OPERATING, 93],
            [EnterpriseStatus.CANCELLED, 3],
            [EnterpriseStatus.SUSPENDED, 1],
            [EnterpriseStatus.MOVED_OUT, 1],
            [EnterpriseStatus.REVOKED, 2],
          ]);
    sink.add(EnterpriseEntity, {
      uscc: e.uscc,
      name: `${region?.city.replace(/市$/, '') ?? ''}${rng.pick(BRANDS)}${trade}有限公司${e.index}`,
      enterprise_type: enterpriseType(e.uscc, rng),
      status,
      established_date: e.establishedDate,
      registered_capital: e.registeredCapital,
      region_code: e.regionCode,
      industry_section: e.industrySection,
      industry_code: e.industryCode,
      address: `${region?.province ?? ''}${region?.city ?? ''}${region?.name ?? ''}${rng.pick(['人民路', '建设路', '科技大道', '滨河路', '中山路'])}${rng.int(1, 999)}号`,
      business_scope: SCOPE_BY_SECTION[e.industrySection] ?? '一般项目：技术服务、技术开发；企业管理咨询。',
      legal_representative_name: rng.pick(SURNAMES) + rng.pick(GIVEN),
      legal_representative_id_number: residentIdNumber(rng, e.regionCode),
      department: Department.MARKET_REGULATION,
      source_record_id: `SAMR-${e.uscc}`,
      as_of: new Date(`${e.establishedDate}T00:00:00Z`),
      received_at: ctx.receivedAt,
    });
  },
};
