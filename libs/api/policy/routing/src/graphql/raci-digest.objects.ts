import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('RaciDigestSection', { description: 'The part of a digest about one step, and who is Informed on it' })
export class RaciDigestSectionObject {
  @Field() step: string;
  @Field() stepName: string;
  @Field(() => [String]) lines: string[];
  @Field(() => [String], { description: 'Display names of the people Informed on the step' }) recipients: string[];
}

@ObjectType('RaciDigest', { description: "What the daily digest to the RACI Informed parties says (yesterday's)" })
export class RaciDigestObject {
  @Field({ description: 'The hotel-local date reported on (YYYY-MM-DD)' }) date: string;
  @Field() title: string;
  @Field(() => [String], { description: 'Lines every recipient gets' }) overview: string[];
  @Field(() => [RaciDigestSectionObject]) sections: RaciDigestSectionObject[];
  @Field(() => Date, { nullable: true, description: 'When the next digest goes out; null: digests are off' })
  nextAt: Date | null;
}
