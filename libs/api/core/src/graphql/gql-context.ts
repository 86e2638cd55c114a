import type { Request } from 'express';
import type { ResolvedPrincipal } from '../context/principal';
import type { RequestContext } from '../context/request-context';

/** What graphql-ws keeps per socket: the principal resolved once in onConnect. */
export interface WsExtra {
  resolved?: ResolvedPrincipal;
  request?: { headers?: Record<string, unknown> };
}

/** The GraphQL context object for both transports. Resolvers never read it directly: they take @Ctx(). */
export interface BatonGqlContext {
  req?: Request & { id?: string | number };
  ws?: { connectionParams?: Record<string, unknown>; extra: WsExtra };
  /** Set by the permission guard once per operation. */
  baton?: RequestContext;
}
