import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Campaign', { description: "A hotel's campaign brief, shown to the call center while it runs" })
export class CampaignObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field() name: string;
  @Field({ description: 'utm_campaign code of the links that bring its leads (lower-case)' }) utmCampaign: string;
  @Field({ description: 'YYYY-MM-DD, first day (hotel-local)' }) startsOn: string;
  @Field({ description: 'YYYY-MM-DD, last day (hotel-local), inclusive' }) endsOn: string;
  @Field() offerText: string;
  @Field(() => [String], { description: 'Channel values the campaign runs on' }) channels: string[];
  @Field({ description: "Today (in the hotel's time zone) is within [startsOn, endsOn]" }) active: boolean;
  @Field(() => Int, { description: 'Cases whose utm_campaign is this code' }) leadCount: number;
  @Field(() => Int, { description: 'Of those, cases won' }) wonCount: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('CampaignLeadCount')
export class CampaignLeadCountObject {
  @Field({ description: "utm_campaign of the cases ('(none)' for cases without one)" }) utmCampaign: string;
  @Field(() => String, { nullable: true, description: 'Name of the campaign with this code, if there is one' })
  campaignName: string | null;
  @Field(() => Int) leads: number;
  @Field(() => Int) won: number;
}

@ObjectType('DailySummary', { description: "A hotel's morning summary, shown in-app and e-mailed to its managers" })
export class DailySummaryObject {
  @Field(() => ID) hotelId: string;
  @Field({ description: 'YYYY-MM-DD, hotel-local day the summary is for' }) date: string;
  @Field(() => [CampaignObject], {
    description: 'Campaigns created in the 24 h before the summary time, and campaigns starting on this day',
  })
  newCampaigns: CampaignObject[];
  @Field(() => [CampaignLeadCountObject], { description: 'Cases created on the previous hotel-local day' })
  leadsByCampaign: CampaignLeadCountObject[];
  @Field(() => Int, { description: 'Open cases when the summary was generated' }) openCases: number;
  @Field(() => Int, { description: 'Open cases without an owner when the summary was generated' })
  unassignedCases: number;
  @Field(() => Int, { nullable: true, description: 'Longest wait of an open case when generated, in seconds' })
  oldestWaitingSeconds: number | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) emailedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the e-mail was not delivered' }) emailError: string | null;
}
