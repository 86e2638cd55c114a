import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { PinoLogger } from 'nestjs-pino';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Permission } from '@baton/shared/contracts';
import { declaredPermission } from '../auth/permission.guard';
import { RequestContext } from '../context/request-context';
import type { BatonGqlContext } from '../graphql/gql-context';
import { TenantTransactions } from './tenant-transactions';

/** Per resolver call: the transaction-bound context, looked up by @Ctx() through the call's `info` object. */
export const TX_CONTEXTS = new WeakMap<object, RequestContext>();

/**
 * Opens the transaction of each GraphQL query/mutation root field and sets its tenant scope first: the hotels where
 * the caller holds the declared permission, narrowed to `hotelId` when the field takes one. A hotel outside the
 * caller's reach yields an empty scope, so it looks exactly like a hotel that does not exist.
 */
@Injectable()
export class TenantScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: TenantTransactions,
    private readonly logger: PinoLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') {
      return next.handle();
    }
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ operation: { operation: string } }>();
    if (info.operation.operation === 'subscription') {
      return next.handle();
    }
    const gctx = gql.getContext<BatonGqlContext>();
    const base = gctx.baton ?? RequestContext.anonymous(gctx.req?.id !== undefined ? String(gctx.req.id) : undefined);
    const scope = this.scopeFor(
      base,
      declaredPermission(this.reflector, context),
      gql.getArgs<{ hotelId?: unknown; input?: { hotelId?: unknown } }>(),
    );
    if (gctx.req) {
      this.logger.assign({ tenantIds: scope, principal: base.principal?.kind ?? 'anonymous' });
    }
    return from(
      this.transactions.run(base, scope, async (txCtx) => {
        TX_CONTEXTS.set(info, txCtx);
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      }),
    );
  }

  /** The hotel a field works on: a top-level `hotelId` argument, or `input.hotelId` for input-object mutations. */
  private scopeFor(
    ctx: RequestContext,
    permission: Permission | undefined,
    args: { hotelId?: unknown; input?: { hotelId?: unknown } },
  ): string[] {
    const reachable =
      permission === undefined || permission === Permission.Public || permission === Permission.Authenticated
        ? [...ctx.grants.keys()]
        : ctx.hotelsWith(permission);
    const hotelId = args.hotelId ?? args.input?.hotelId;
    if (typeof hotelId === 'string') {
      return reachable.includes(hotelId) ? [hotelId] : [];
    }
    return reachable;
  }
}
