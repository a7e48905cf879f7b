import { registerEnumType } from 'type-graphql';

/** Business scopes printed on a road transport operating licence (道路运输经营许可证). */
export enum TransportBusinessScope {
  GENERAL_FREIGHT = 'GENERAL_FREIGHT',
  DANGEROUS_GOODS = 'DANGEROUS_GOODS',
  PASSENGER_SCHEDULED = 'PASSENGER_SCHEDULED',
  PASSENGER_CHARTER = 'PASSENGER_CHARTER',
  CONTAINER = 'CONTAINER',
  LARGE_OBJECT = 'LARGE_OBJECT',
}

export enum TransportLicenceStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

export enum VehicleCategory {
  TRUCK = 'TRUCK',
  TRACTOR = 'TRACTOR',
  DANGEROUS_GOODS_TANKER = 'DANGEROUS_GOODS_TANKER',
  COACH = 'COACH',
  BUS = 'BUS',
  OTHER = 'OTHER',
}

/** 道路运输企业信用评价 grades, best first. */
export enum TransportCreditGrade {
  AA = 'AA',
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

const KEY_CATEGORIES: ReadonlySet<VehicleCategory> = new Set([
  VehicleCategory.COACH,
  VehicleCategory.BUS,
  VehicleCategory.DANGEROUS_GOODS_TANKER,
]);

/** 两客一危: passenger coaches and buses and dangerous-goods vehicles are under dynamic supervision. */
export function isKeyVehicle(category: VehicleCategory): boolean {
  return KEY_CATEGORIES.has(category);
}

registerEnumType(TransportBusinessScope, {
  name: 'TransportBusinessScope',
  description: 'Business scope of a road transport operating licence.',
  valuesConfig: {
    GENERAL_FREIGHT: { description: '普通货运' },
    DANGEROUS_GOODS: { description: '危险货物运输' },
    PASSENGER_SCHEDULED: { description: '班车客运' },
    PASSENGER_CHARTER: { description: '包车客运' },
    CONTAINER: { description: '集装箱运输' },
    LARGE_OBJECT: { description: '大型物件运输' },
  },
});
registerEnumType(TransportLicenceStatus, { name: 'TransportLicenceStatus' });
registerEnumType(VehicleCategory, { name: 'VehicleCategory' });
registerEnumType(TransportCreditGrade, {
  name: 'TransportCreditGrade',
  description: 'Road transport enterprise credit grade (道路运输企业信用评价等级).',
});
