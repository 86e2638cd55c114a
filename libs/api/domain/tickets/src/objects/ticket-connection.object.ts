import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TicketObject } from './ticket.object';

/** Relay page info. (`PageInfo` belongs to the cases library and a domain may not import another one.) */
@ObjectType('TicketPageInfo')
export class TicketPageInfoObject {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('TicketEdge')
export class TicketEdgeObject {
  @Field({ description: 'Opaque; pass as `after` to continue after this ticket' }) cursor: string;
  @Field(() => TicketObject) node: TicketObject;
}

@ObjectType('TicketConnection')
export class TicketConnectionObject {
  @Field(() => [TicketEdgeObject]) edges: TicketEdgeObject[];
  @Field(() => TicketPageInfoObject) pageInfo: TicketPageInfoObject;
  @Field(() => Int, { description: 'Tickets matching the filter, all pages together' }) totalCount: number;
}
