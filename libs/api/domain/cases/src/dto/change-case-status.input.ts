import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CaseStatus } from '@baton/shared/contracts';

@InputType()
export class ChangeCaseStatusInput {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) id: string;
  @Field({ description: 'The next CaseStatus (handed_off goes through handOffCase)' })
  @IsIn(Object.values(CaseStatus), { message: `status must be one of: ${Object.values(CaseStatus).join(', ')}` })
  status: string;
  @Field(() => String, { nullable: true, description: 'Required with lost: a lost_reason code of the hotel' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  lostReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Stored on the transition' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
