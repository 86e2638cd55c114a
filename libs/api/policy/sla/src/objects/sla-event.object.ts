import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaEvent', {
  description: 'A clock of the hotel changed: started, paused, resumed, stopped, a step fired',
})
export class SlaEventObject {
  @Field(() => ID) hotelId: string;
  @Field(() => ID) clockId: string;
  @Field({ description: 'started, paused, resumed, step, policy_changed, stopped' }) kind: string;
  @Field(() => String, { nullable: true, description: 'The SlaStep when kind = step' }) step: string | null;
  @Field() metric: string;
  @Field() state: string;
  @Field() targetType: string;
  @Field(() => ID) targetId: string;
  @Field() dueAt: Date;
  @Field(() => ID, { nullable: true }) policyId: string | null;
  @Field() at: Date;
}
