import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { ErrorCode, Permission } from '@baton/shared/contracts';
import { RequestContext } from '../context/request-context';
import { BatonError } from '../errors/baton-error';
import type { BatonGqlContext } from '../graphql/gql-context';
import { ALLOW_KEY } from './allow.decorator';
import { bearerFrom, PrincipalResolver } from './principal-resolver.port';

export function declaredPermission(reflector: Reflector, context: ExecutionContext): Permission | undefined {
  return reflector.getAllAndOverride<Permission | undefined>(ALLOW_KEY, [context.getHandler(), context.getClass()]);
}

/**
 * Global guard for GraphQL: builds the RequestContext from the credential and checks the declared permission.
 * Handlers without @Allow are refused (fail closed). Non-GraphQL routes (health, metrics, static) are public by design.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') {
      return true;
    }
    const permission = declaredPermission(this.reflector, context);
    if (!permission) {
      throw BatonError.forbidden('This operation declares no permission');
    }
    if (permission === Permission.Public) {
      return true;
    }
    const gql = GqlExecutionContext.create(context);
    const ctx = await this.contextFor(gql.getContext<BatonGqlContext>());
    if (!ctx.isAuthenticated) {
      throw BatonError.unauthenticated();
    }
    if (ctx.isReadOnly && gql.getInfo().operation.operation === 'mutation') {
      throw new BatonError(ErrorCode.ReadOnlyToken, 'Wallboard tokens are read-only and cannot run mutations');
    }
    if (permission !== Permission.Authenticated && ctx.hotelsWith(permission).length === 0) {
      throw BatonError.forbidden(`Missing permission ${permission}`);
    }
    return true;
  }

  private async contextFor(gctx: BatonGqlContext): Promise<RequestContext> {
    if (gctx.baton) {
      return gctx.baton;
    }
    let ctx: RequestContext;
    if (gctx.ws) {
      const resolved = gctx.ws.extra.resolved;
      ctx = resolved ? RequestContext.for(resolved, randomUUID()) : RequestContext.anonymous();
    } else {
      const req = gctx.req;
      const requestId = req?.id !== undefined ? String(req.id) : randomUUID();
      const credential = bearerFrom(req?.headers.authorization) ?? (req?.headers['x-api-key'] as string | undefined);
      ctx = credential
        ? RequestContext.for(await this.principals.resolve(credential), requestId)
        : RequestContext.anonymous(requestId);
    }
    gctx.baton = ctx;
    return ctx;
  }
}
