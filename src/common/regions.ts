/**
 * A sample of GB/T 2260 administrative divisions (county level) used by the demo
 * data, with the province and city they belong to. The hub itself accepts any
 * six-digit division: codes are historical and are never rejected for being retired.
 */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly province: string;
  /** Relative number of enterprises registered there, for realistic spread. */
  readonly weight: number;
}

export const REGIONS: readonly Region[] = [
  { code: '110105', name: '朝阳区', city: '北京市', province: '北京市', weight: 9 },
  { code: '110108', name: '海淀区', city: '北京市', province: '北京市', weight: 10 },
  { code: '110106', name: '丰台区', city: '北京市', province: '北京市', weight: 4 },
  { code: '120116', name: '滨海新区', city: '天津市', province: '天津市', weight: 7 },
  { code: '120104', name: '南开区', city: '天津市', province: '天津市', weight: 3 },
  { code: '310115', name: '浦东新区', city: '上海市', province: '上海市', weight: 11 },
  { code: '310104', name: '徐汇区', city: '上海市', province: '上海市', weight: 4 },
  { code: '440106', name: '天河区', city: '广州市', province: '广东省', weight: 7 },
  { code: '440305', name: '南山区', city: '深圳市', province: '广东省', weight: 9 },
  { code: '350102', name: '鼓楼区', city: '福州市', province: '福建省', weight: 3 },
  { code: '350203', name: '思明区', city: '厦门市', province: '福建省', weight: 4 },
  { code: '350213', name: '翔安区', city: '厦门市', province: '福建省', weight: 2 },
  { code: '370102', name: '历下区', city: '济南市', province: '山东省', weight: 4 },
  { code: '370202', name: '市南区', city: '青岛市', province: '山东省', weight: 4 },
  { code: '371502', name: '东昌府区', city: '聊城市', province: '山东省', weight: 3 },
  { code: '371581', name: '临清市', city: '聊城市', province: '山东省', weight: 1 },
  { code: '140105', name: '小店区', city: '太原市', province: '山西省', weight: 3 },
  { code: '140106', name: '迎泽区', city: '太原市', province: '山西省', weight: 2 },
  { code: '410105', name: '金水区', city: '郑州市', province: '河南省', weight: 4 },
  { code: '410305', name: '涧西区', city: '洛阳市', province: '河南省', weight: 2 },
  { code: '411202', name: '湖滨区', city: '三门峡市', province: '河南省', weight: 2 },
  { code: '411282', name: '灵宝市', city: '三门峡市', province: '河南省', weight: 1 },
  { code: '451202', name: '金城江区', city: '河池市', province: '广西壮族自治区', weight: 1 },
  { code: '450103', name: '青秀区', city: '南宁市', province: '广西壮族自治区', weight: 2 },
  { code: '330106', name: '西湖区', city: '杭州市', province: '浙江省', weight: 6 },
  { code: '320106', name: '鼓楼区', city: '南京市', province: '江苏省', weight: 4 },
  { code: '320505', name: '虎丘区', city: '苏州市', province: '江苏省', weight: 5 },
  { code: '510107', name: '武侯区', city: '成都市', province: '四川省', weight: 5 },
  { code: '420106', name: '武昌区', city: '武汉市', province: '湖北省', weight: 4 },
  { code: '610113', name: '雁塔区', city: '西安市', province: '陕西省', weight: 3 },
];

/** Province (2 digits) and city (4 digits) prefixes of a division code. */
export const provincePrefix = (code: string): string => code.slice(0, 2);
export const cityPrefix = (code: string): string => code.slice(0, 4);
