import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseObject } from './case.object';

@ObjectType('PageInfo')
export class PageInfoObject {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('CaseEdge')
export class CaseEdgeObject {
  @Field({ description: 'Opaque; pass as `after` to continue after this case' }) cursor: string;
  @Field(() => CaseObject) node: CaseObject;
}

@ObjectType('CaseConnection')
export class CaseConnectionObject {
  @Field(() => [CaseEdgeObject]) edges: CaseEdgeObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { description: 'Cases matching the filter, all pages together' }) totalCount: number;
}
