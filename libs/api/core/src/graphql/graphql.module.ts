import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import { PermissionGuard } from '../auth/permission.guard';
import { bearerFrom, PrincipalResolver } from '../auth/principal-resolver.port';
import { TenantScopeInterceptor } from '../db/tenant-scope.interceptor';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { Metrics } from '../observability/metrics';
import type { BatonGqlContext, WsExtra } from './gql-context';

function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse(rc) {
          end({
            operation_type: rc.operation?.operation ?? 'unknown',
            operation_name: rc.operationName ?? 'anonymous',
            outcome: rc.errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

function formatAll(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatGraphqlError(e.toJSON(), e));
}

type WsContext = Context<Record<string, unknown> | undefined, unknown>;

function wsExtra(ctx: WsContext): WsExtra {
  return ctx.extra as WsExtra;
}

/** Code-first GraphQL over HTTP (Apollo) and graphql-ws on the same path, with connection auth in onConnect. */
@Module({})
export class BatonGraphqlModule {
  static forRoot(): DynamicModule {
    return {
      module: BatonGraphqlModule,
      providers: [
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantScopeInterceptor },
      ],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [PrincipalResolver, Metrics],
          useFactory: (principals: PrincipalResolver, metrics: Metrics): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphqlError,
            plugins: [metricsPlugin(metrics)],
            context: (arg: { req?: BatonGqlContext['req'] } | WsContext): BatonGqlContext =>
              'extra' in arg && 'connectionParams' in arg
                ? { ws: { connectionParams: arg.connectionParams ?? undefined, extra: wsExtra(arg) } }
                : { req: (arg as { req?: BatonGqlContext['req'] }).req },
            subscriptions: {
              // Nest's type for these options omits onError/onNext, which it passes through to graphql-ws unchanged.
              'graphql-ws': {
                path: '/graphql',
                ...({
                  // Returning false makes graphql-ws close the socket with 4403 Forbidden.
                  onConnect: async (ctx: WsContext) => {
                    const params = ctx.connectionParams ?? {};
                    const credential = bearerFrom(params['authorization'] ?? params['Authorization']);
                    if (!credential) {
                      metrics.wsRefused.inc();
                      return false;
                    }
                    try {
                      wsExtra(ctx).resolved = await principals.resolve(credential);
                    } catch {
                      metrics.wsRefused.inc();
                      return false;
                    }
                    metrics.wsConnections.inc();
                    return true;
                  },
                  onDisconnect: () => {
                    metrics.wsConnections.dec();
                  },
                  onError: (_ctx: WsContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
                    formatAll(errors),
                  onNext: (_ctx, _id, _payload, _args, result) =>
                    result.errors?.length ? { ...result, errors: formatAll(result.errors) } : undefined,
                } satisfies ServerOptions<Record<string, unknown> | undefined, unknown>),
              } as GraphQLWsSubscriptionsConfig,
            },
          }),
        }),
      ],
    };
  }
}
