import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseObject } from './case.object';

@ObjectType('CaseEvent')
export class CaseEventObject {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'A CaseEventKind value' }) kind: string;
  @Field(() => ID) caseId: string;
  @Field() caseNumber: string;
  @Field(() => ID, { nullable: true }) messageId: string | null;
  @Field() at: Date;
  @Field(() => CaseObject, { description: 'The case as it was right after the change' }) case: CaseObject;
}
