import { registerEnumType } from 'type-graphql';

/** Risk grade of a stored profile, A (lowest risk) to E; shared by the registry's filters and the risk module. */
export enum RiskGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
}

registerEnumType(RiskGrade, {
  name: 'RiskGrade',
  description: 'A (lowest risk) to E; bands in the README risk model table.',
});
