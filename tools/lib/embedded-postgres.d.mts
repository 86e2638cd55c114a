export interface StartEmbeddedPostgresOptions {
  /** Cluster directory; initialised when it holds no cluster, reused otherwise. */
  dataDir: string;
  /** Default 54329. Busy: persistent → throws, otherwise a free port. 0 → a free port. */
  port?: number;
  /** Default true. false: fsync off, and stop() deletes dataDir. */
  persistent?: boolean;
  /** Database created when missing; adminUrl points at it. Default 'baton'. */
  database?: string;
  /** Superuser name/password. Default postgres/postgres. */
  user?: string;
  password?: string;
  /** fsync/synchronous_commit/full_page_writes off and initdb --no-sync. Default: !persistent. */
  fast?: boolean;
  /** Default 200. */
  maxConnections?: number;
}
export interface EmbeddedPostgresHandle {
  /** Superuser URL to the `database` option (default 'baton'). */
  adminUrl: string;
  /** Superuser URL to another database on the same server. */
  adminUrlFor(dbName: string): string;
  host: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Fast shutdown (SIGINT, SIGKILL after 15 s); removes dataDir when not persistent. Idempotent. */
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle>;
/** Removes a stale postmaster.pid / stops a postmaster orphaned on dataDir (force: even if its parent lives). */
export function stopLeftoverPostmaster(dataDir: string, options?: { force?: boolean }): Promise<void>;
