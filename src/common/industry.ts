import { registerEnumType } from 'type-graphql';

/** GB/T 4754-2017 sections. */
export enum IndustrySection {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
  G = 'G',
  H = 'H',
  I = 'I',
  J = 'J',
  K = 'K',
  L = 'L',
  M = 'M',
  N = 'N',
  O = 'O',
  P = 'P',
  Q = 'Q',
  R = 'R',
  S = 'S',
  T = 'T',
}

export const INDUSTRY_SECTIONS: Readonly<
  Record<IndustrySection, { name: string; classes: readonly string[]; weight: number }>
> = {
  A: {
    name: 'Agriculture, forestry, animal husbandry and fishery',
    classes: ['0111', '0311', '0411'],
    weight: 3,
  },
  B: { name: 'Mining', classes: ['0610', '0810', '1011'], weight: 1 },
  C: {
    name: 'Manufacturing',
    classes: ['1311', '1713', '2614', '2710', '3311', '3511', '3670', '3911', '3969', '4011'],
    weight: 18,
  },
  D: { name: 'Electricity, heat, gas and water supply', classes: ['4411', '4415', '4610'], weight: 1 },
  E: { name: 'Construction', classes: ['4710', '4813', '4910', '5011'], weight: 8 },
  F: { name: 'Wholesale and retail', classes: ['5121', '5139', '5211', '5261', '5291'], weight: 20 },
  G: {
    name: 'Transport, storage and post',
    classes: ['5411', '5421', '5422', '5431', '5436', '5920', '6010'],
    weight: 9,
  },
  H: { name: 'Accommodation and catering', classes: ['6110', '6210', '6241'], weight: 5 },
  I: {
    name: 'Information transmission, software and IT services',
    classes: ['6311', '6421', '6513', '6520', '6550'],
    weight: 9,
  },
  J: { name: 'Finance', classes: ['6621', '6640', '6720', '6851'], weight: 1 },
  K: { name: 'Real estate', classes: ['7010', '7020', '7040'], weight: 3 },
  L: { name: 'Leasing and business services', classes: ['7121', '7212', '7231', '7251'], weight: 7 },
  M: {
    name: 'Scientific research and technical services',
    classes: ['7320', '7340', '7410', '7517', '7520'],
    weight: 5,
  },
  N: { name: 'Water conservancy, environment and public facilities', classes: ['7721', '7820'], weight: 1 },
  O: { name: 'Residential and repair services', classes: ['8010', '8111', '8290'], weight: 2 },
  P: { name: 'Education', classes: ['8321', '8391'], weight: 1 },
  Q: { name: 'Health and social work', classes: ['8411', '8412', '8425', '8491', '5251'], weight: 4 },
  R: { name: 'Culture, sports and entertainment', classes: ['8610', '8710', '8910'], weight: 2 },
  S: {
    name: 'Public administration, social security and social organisations',
    classes: ['9221'],
    weight: 0,
  },
  T: { name: 'International organisations', classes: ['9600'], weight: 0 },
};

registerEnumType(IndustrySection, {
  name: 'IndustrySection',
  description: 'GB/T 4754-2017 industry section.',
  valuesConfig: Object.fromEntries(
    Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => [k, { description: v.name }]),
  ),
});
