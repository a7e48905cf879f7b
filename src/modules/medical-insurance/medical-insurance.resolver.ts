import { Department } from '../../common/department.js';
import { requireRepairedAccess } from '../../auth/index.js';
import type { HubContext } from '../../server/index.js';
import { childConnection, type Connection, connectionType, PageArgs } from '../../server/index.js';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Enterprise, enterpriseBackPath } from '../registry/index.js';
import { DesignatedInstitutionEntity } from './designated-institution.entity.js';
import { DesignatedMedicalInstitution } from './designated-institution.type.js';
import { MedicalFundViolationEntity } from './fund-violation.entity.js';
import { MedicalFundViolation } from './fund-violation.type.js';
import { InstitutionCreditGradeEntity } from './institution-credit-grade.entity.js';
import { MedicalInstitutionCreditGrade } from './institution-credit-grade.type.js';
import {
  InstitutionCreditGradeArgs,
  MedicalFundViolationArgs,
  SocialInsuranceAccountArgs,
  institutionCreditGradeCondition,
  medicalFundViolationCondition,
  socialInsuranceAccountCondition,
} from './medical-insurance.args.js';
import {
  designatedInstitutionsLoader,
  institutionCreditGradesLoader,
  medicalFundViolationsLoader,
  socialInsuranceAccountsLoader,
} from './medical-insurance.loaders.js';
import { SocialInsuranceAccountEntity } from './social-insurance-account.entity.js';
import { SocialInsuranceAccount } from './social-insurance-account.type.js';

export const SocialInsuranceAccountConnection = connectionType(
  SocialInsuranceAccount,
  'SocialInsuranceAccount',
);
export const DesignatedMedicalInstitutionConnection = connectionType(
  DesignatedMedicalInstitution,
  'DesignatedMedicalInstitution',
);
export const MedicalInstitutionCreditGradeConnection = connectionType(
  MedicalInstitutionCreditGrade,
  'MedicalInstitutionCreditGrade',
);
export const MedicalFundViolationConnection = connectionType(MedicalFundViolation, 'MedicalFundViolation');

/** The medical insurance module's fields on Enterprise. */
@Resolver(() => Enterprise)
export class MedicalInsuranceEnterpriseResolver {
  @FieldResolver(() => SocialInsuranceAccountConnection, {
    nullable: true,
    description: 'Monthly social-insurance contributions and arrears (单位参保缴费), newest month first.',
  })
  socialInsuranceAccounts(
    @Root() enterprise: { uscc: string },
    @Args(() => SocialInsuranceAccountArgs) args: SocialInsuranceAccountArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SocialInsuranceAccountEntity>> {
    const condition = socialInsuranceAccountCondition(args);
    return childConnection(ctx, socialInsuranceAccountsLoader, enterprise.uscc, args, condition);
  }

  @FieldResolver(() => DesignatedMedicalInstitutionConnection, {
    nullable: true,
    description:
      'Designated medical institutions and pharmacies (定点医药机构) the enterprise runs, newest first.',
  })
  designatedInstitutions(
    @Root() enterprise: { uscc: string },
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<DesignatedInstitutionEntity>> {
    return childConnection(ctx, designatedInstitutionsLoader, enterprise.uscc, args, undefined);
  }

  @FieldResolver(() => MedicalInstitutionCreditGradeConnection, {
    nullable: true,
    description: 'Credit grades of the enterprise’s designated institutions, newest year first.',
  })
  medicalInstitutionCreditGrades(
    @Root() enterprise: { uscc: string },
    @Args(() => InstitutionCreditGradeArgs) args: InstitutionCreditGradeArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<InstitutionCreditGradeEntity>> {
    const condition = institutionCreditGradeCondition(args);
    return childConnection(ctx, institutionCreditGradesLoader, enterprise.uscc, args, condition);
  }

  @FieldResolver(() => MedicalFundViolationConnection, {
    nullable: true,
    description:
      'Medical insurance fund violations (医保基金违法违规), newest first; repaired ones only on request.',
  })
  medicalFundViolations(
    @Root() enterprise: { uscc: string },
    @Args(() => MedicalFundViolationArgs) args: MedicalFundViolationArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<MedicalFundViolationEntity>> {
    if (args.includeRepaired) requireRepairedAccess(ctx, Department.MEDICAL_INSURANCE);
    const condition = medicalFundViolationCondition(args);
    return childConnection(ctx, medicalFundViolationsLoader, enterprise.uscc, args, condition);
  }
}

export const SocialInsuranceAccountResolver = enterpriseBackPath(SocialInsuranceAccount, 'The employer.');

export const DesignatedMedicalInstitutionResolver = enterpriseBackPath(
  DesignatedMedicalInstitution,
  'The enterprise that runs the institution.',
);

export const MedicalInstitutionCreditGradeResolver = enterpriseBackPath(
  MedicalInstitutionCreditGrade,
  'The enterprise that runs the institution.',
);

export const MedicalFundViolationResolver = enterpriseBackPath(
  MedicalFundViolation,
  'The enterprise the decision was made against.',
);
