import { Department } from '../../common/department.js';
import { defineContract, f } from '../../db/index.js';
import { EnterpriseStatus, EnterpriseType } from './enterprise.enums.js';

/**
 * The enterprise master record: market regulation registers an enterprise and
 * later changes its status, name, address or legal representative by sending the
 * record again with a newer asOf. Keyed by the USCC itself.
 */
export const enterpriseContract = defineContract({
  recordType: 'Enterprise',
  description: 'Enterprise master record (registration, status, name, address, legal representative).',
  owners: [Department.MARKET_REGULATION],
  resource: 'registry.basic',
  table: 'registry_enterprise',
  key: 'uscc',
  withdrawable: false,
  fields: [
    f.uscc(),
    f.text('name', 200),
    f.enum('enterpriseType', EnterpriseType),
    f.enum('status', EnterpriseStatus),
    f.date('establishedDate'),
    f.amount('registeredCapital', { precision: 18 }),
    f.text('regionCode', 6, { pattern: /^\d{6}$/, patternRule: 'a GB/T 2260 division of 6 digits' }),
    f.text('industrySection', 1, { pattern: /^[A-T]$/, patternRule: 'a GB/T 4754 section letter A-T' }),
    f.text('industryCode', 4, { pattern: /^\d{2,4}$/, patternRule: 'a GB/T 4754 class of 2 to 4 digits' }),
    f.text('address', 300),
    f.text('businessScope', 4000),
    f.text('legalRepresentativeName', 50),
    f.text('legalRepresentativeIdNumber', 18, {
      pattern: /^\d{17}[\dX]$/,
      patternRule: 'a resident identity number of 17 digits and a digit or X',
      personal: true,
    }),
  ],
});

export const registryIngest = [enterpriseContract];
