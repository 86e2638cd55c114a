export interface RedisServerHandle {
  /** redis://127.0.0.1:<port> */
  url: string;
  host: string;
  port: number;
  pid: number;
  /** SIGTERM, then SIGKILL after 5 s; idempotent. */
  stop(): Promise<void>;
}
export interface StartRedisOptions {
  /** Fixed port; default: a free one. */
  port?: number;
  /** File to write the server pid into (to reap it after a killed run). */
  pidFile?: string;
  startTimeoutMs?: number;
}
export function startRedisServer(options?: StartRedisOptions): Promise<RedisServerHandle>;
export function pingRedis(port: number, host?: string, timeoutMs?: number): Promise<boolean>;
