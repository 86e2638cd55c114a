import { ActorKind, Permission, WallboardBoard } from '@baton/shared/contracts';

export type Principal =
  | { kind: ActorKind.User; userId: string; email: string; displayName: string }
  | { kind: ActorKind.ApiKey; apiKeyId: string; name: string }
  | { kind: ActorKind.Wallboard; tokenId: string; hotelId: string; board: WallboardBoard; name: string }
  | { kind: ActorKind.System; name: string };

/** What the authenticator resolves a credential to: who, and what they may do on which hotel. */
export interface ResolvedPrincipal {
  principal: Principal;
  /** hotelId → permissions on that hotel. */
  grants: ReadonlyMap<string, ReadonlySet<Permission>>;
}

export function actorId(principal: Principal): string | null {
  switch (principal.kind) {
    case ActorKind.User:
      return principal.userId;
    case ActorKind.ApiKey:
      return principal.apiKeyId;
    case ActorKind.Wallboard:
      return principal.tokenId;
    case ActorKind.System:
      return null;
  }
}

export function actorName(principal: Principal): string {
  switch (principal.kind) {
    case ActorKind.User:
      return principal.displayName;
    case ActorKind.ApiKey:
    case ActorKind.Wallboard:
    case ActorKind.System:
      return principal.name;
  }
}
