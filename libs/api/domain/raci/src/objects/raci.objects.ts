import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RaciMember', { description: 'A user standing behind a party' })
export class RaciMemberObject {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
}

@ObjectType('RaciParty', { description: 'A column of the matrix: a team or role (SMM agency, call center, GM …)' })
export class RaciPartyObject {
  @Field({ description: 'Lower-case letters, digits and _ (1-40)' }) key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'The case team key this party works as' })
  team: string | null;
  @Field(() => [String], { description: 'Hotel roles whose holders are members (viewer … admin)' }) roles: string[];
  @Field(() => [ID], { description: 'Explicit members' }) userIds: string[];
  @Field(() => [RaciMemberObject], { description: 'The explicit members with their names' })
  members: RaciMemberObject[];
}

@ObjectType('RaciStep', { description: 'A row of the matrix: a step of the process' })
export class RaciStepObject {
  @Field() key: string;
  @Field() name: string;
}

@ObjectType('RaciCell', { description: 'The letter of one party on one step' })
export class RaciCellObject {
  @Field() step: string;
  @Field() party: string;
  @Field({ description: 'R, A, C or I' }) role: string;
}

@ObjectType('RaciProblem', { description: 'A broken rule on one step' })
export class RaciProblemObject {
  @Field() step: string;
  @Field({ description: 'exactly_one_accountable or at_least_one_responsible' }) rule: string;
  @Field(() => Int, { description: 'How many letters of that kind the step has' }) count: number;
}

@ObjectType('RaciMatrix', { description: "A hotel's RACI matrix (the default steps and no cells until first saved)" })
export class RaciMatrixObject {
  @Field(() => ID) hotelId: string;
  @Field(() => Int, { description: '0 until first saved; pass it back to saveRaciMatrix' }) version: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => String, { nullable: true }) updatedByName: string | null;
  @Field(() => [RaciPartyObject]) parties: RaciPartyObject[];
  @Field(() => [RaciStepObject]) steps: RaciStepObject[];
  @Field(() => [RaciCellObject]) cells: RaciCellObject[];
  @Field(() => [RaciProblemObject], { description: 'Empty for every saved matrix' }) problems: RaciProblemObject[];
  @Field({ description: 'New cases and tickets without an owner are assigned to the Responsible party of their step' })
  autoAssign: boolean;
  @Field(() => String, {
    nullable: true,
    description: "HH:mm on the hotel's clock when the Informed parties get yesterday's digest; null = no digest",
  })
  digestTime: string | null;
}

@ObjectType('RaciTemplate', { description: "An agency's matrix, copied onto its hotels by applyRaciTemplate" })
export class RaciTemplateObject {
  @Field(() => ID) agencyId: string;
  @Field(() => Int) version: number;
  @Field(() => Date) updatedAt: Date;
  @Field(() => [RaciPartyObject]) parties: RaciPartyObject[];
  @Field(() => [RaciStepObject]) steps: RaciStepObject[];
  @Field(() => [RaciCellObject]) cells: RaciCellObject[];
}
