import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TX_CONTEXTS } from '../db/tenant-scope.interceptor';
import type { BatonGqlContext } from '../graphql/gql-context';
import { RequestContext } from './request-context';

/** The caller's RequestContext, bound to this root field's transaction when there is one. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<object>();
  return TX_CONTEXTS.get(info) ?? gql.getContext<BatonGqlContext>().baton ?? RequestContext.anonymous();
});
