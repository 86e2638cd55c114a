import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export type BatonRole = 'api' | 'worker' | 'all';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Process configuration, read from the environment once and validated before anything connects. */
export class BatonConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsIn(['api', 'worker', 'all']) BATON_ROLE: BatonRole = 'all';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL (the owner role)' })
  DATABASE_URL!: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_APP_URL must be a postgres:// URL (the app role)' })
  DATABASE_APP_URL?: string;
  @IsString()
  @MinLength(8, { message: 'DATABASE_APP_PASSWORD must be at least 8 characters' })
  DATABASE_APP_PASSWORD!: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 10;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsString({ message: 'JWT_SECRET is required' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;
  @Transform(toInt) @IsInt() @Min(30) @Max(86400) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Transform(toInt) @IsInt() @Min(300) REFRESH_TOKEN_TTL_SECONDS = 30 * 86400;

  /** Encrypts channel secrets at rest (AES-256-GCM key derived from it); keep it outside the database. */
  @IsString({ message: 'BATON_SECRETS_KEY is required' })
  @MinLength(32, { message: 'BATON_SECRETS_KEY must be at least 32 characters' })
  BATON_SECRETS_KEY!: string;

  /** Base URL of the Meta Graph API (WhatsApp Cloud, Messenger, Instagram senders); tests point it at a local stub. */
  @Matches(/^https?:\/\/.+/, { message: 'META_GRAPH_URL must be an http(s) URL' })
  META_GRAPH_URL = 'https://graph.facebook.com/v21.0';
  /** nodemailer transport URL (smtp://user:pass@host:port); unset = e-mails are logged, not sent. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsString() MAIL_FROM = 'Baton <baton@localhost>';
  /** Web-form submissions accepted per client IP and minute. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) WEBFORM_RATE_PER_MINUTE = 10;
  /**
   * Express `trust proxy` (e.g. `1`, `loopback`, `10.0.0.0/8`): behind nginx or a load balancer the web-form rate
   * limit must key on the client address from X-Forwarded-For, not on the proxy's. Unset = trust no proxy.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() TRUST_PROXY?: string;
  /** Largest webhook body accepted, in bytes. */
  @Transform(toInt) @IsInt() @Min(1024) @Max(10485760) INTAKE_MAX_BODY_BYTES = 262144;
  /** How often the worker sweeps inbound events and outbound messages that were not processed right away. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600000) INTAKE_SWEEP_MS = 2000;
  /** Inbound events one processing transaction claims for a hotel (each handled in its own savepoint). */
  @Transform(toInt) @IsInt() @Min(1) @Max(500) INBOUND_BATCH_SIZE = 25;
  /**
   * Processing transactions a worker runs at once per hotel. One by default: a new case takes the hotel's gap-free
   * case counter until its transaction commits, so a second lane of the same hotel would only wait for the first
   * batch (or deadlock with it); hotels still run in parallel.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(32) INBOUND_LANES = 1;
  /**
   * A processing batch takes no further event after this many ms: the claimed rest is released at COMMIT for the next
   * batch. Bounds how long a batch holds the hotel's case counter while the process is busy.
   */
  @Transform(toInt) @IsInt() @Min(10) @Max(600000) INBOUND_BATCH_BUDGET_MS = 1000;

  /** How often a worker looks for due durable timers (timers committed in the same process wake it on time anyway). */
  @Transform(toInt) @IsInt() @Min(20) @Max(60000) TIMER_POLL_MS = 250;
  /** Due timers one firing transaction claims (per hotel). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000) TIMER_BATCH_SIZE = 500;
  /** How long one firing transaction may hold its claim (stalled or vanished worker: the rows are claimable again). */
  @Transform(toInt) @IsInt() @Min(500) @Max(600000) TIMER_LEASE_MS = 30000;
  /** Firing transactions a worker runs at once (each on its own hotel or its own rows). */
  @Transform(toInt) @IsInt() @Min(1) @Max(32) TIMER_LANES = 2;
  /** Failed attempts after which a timer is dead (kept with its last error, no more retries). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) TIMER_MAX_ATTEMPTS = 8;
  /**
   * Days a timer's firing record is kept (the worker deletes older ones). The record is what makes a re-derived
   * deadline a no-op, so it must outlive every retry and re-derivation of that deadline: see timer-firing-retention.ts.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650) TIMER_FIRING_RETENTION_DAYS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @Transform(toBool) @IsBoolean() BATON_MIGRATE_ON_START = false;
  @Transform(toBool) @IsBoolean() BATON_SEED_DEMO = false;
  @IsString() DASHBOARD_DIR = 'dist/dashboard';
  @Transform(toInt) @IsInt() @Min(0) @Max(120000) SHUTDOWN_GRACE_MS = 10000;

  get runsApi(): boolean {
    return this.BATON_ROLE !== 'worker';
  }

  get runsWorker(): boolean {
    return this.BATON_ROLE !== 'api';
  }
}

export class ConfigError extends Error {}

function describe(errors: ValidationError[]): string {
  return errors
    .map((e) => Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`)
    .slice(0, 3)
    .join('; ');
}

/** Validates `env`; throws a ConfigError whose message is one line naming the offending variables. */
export function loadConfig(env: Record<string, string | undefined> = process.env): BatonConfig {
  const known = Object.keys(new BatonConfig());
  const input: Record<string, unknown> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'DATABASE_APP_URL',
    'DATABASE_APP_PASSWORD',
    'REDIS_URL',
    'JWT_SECRET',
    'BATON_SECRETS_KEY',
    'SMTP_URL',
    'TRUST_PROXY',
  ]) {
    if (env[key] !== undefined) {
      input[key] = env[key];
    }
  }
  const config = plainToInstance(BatonConfig, input);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(`Configuration error: ${describe(errors)}`);
  }
  return config;
}
