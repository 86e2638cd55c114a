import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { BatonConfig, SecretBox, sha256 } from '@baton/api/core';
import { ChannelProvider } from '@baton/shared/contracts';
import { insertRows } from './traffic-sql';

/** One provider account of a demo hotel, with its secrets in clear (they are public demo values, see docs/channels.md). */
export interface DemoChannelAccount {
  provider: ChannelProvider;
  /** WhatsApp phone_number_id, IG account id, page id, web form key or intake account key. */
  externalId: string;
  displayName: string;
  /** Signs webhooks (Meta app secret) or intake requests (X-Baton-Signature). */
  appSecret?: string;
  /** Sends replies (WhatsApp Cloud API token). */
  accessToken?: string;
  /** Answers the provider's GET verification; stored only as a SHA-256 hash. */
  verifyToken?: string;
}

const WHATSAPP_APP_SECRET = 'demo-whatsapp-app-secret';
const WHATSAPP_ACCESS_TOKEN = 'demo-whatsapp-token';
const META_APP_SECRET = 'demo-meta-app-secret';
const INTAKE_SECRET = 'demo-intake-secret';
const VERIFY_TOKEN = 'demo-verify-token';

function hotelChannels(code: string, hotelName: string, n: number): DemoChannelAccount[] {
  const prefix = code.toLowerCase();
  const handle = hotelName.toLowerCase().replace(/[^a-z]/g, '');
  return [
    {
      provider: ChannelProvider.WhatsApp,
      externalId: `10000000000000${n}`,
      displayName: `${hotelName} WhatsApp`,
      appSecret: WHATSAPP_APP_SECRET,
      accessToken: WHATSAPP_ACCESS_TOKEN,
      verifyToken: VERIFY_TOKEN,
    },
    {
      provider: ChannelProvider.Instagram,
      externalId: `1784140000000000${n}`,
      displayName: `@${handle} Instagram`,
      appSecret: META_APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    },
    {
      provider: ChannelProvider.Messenger,
      externalId: `10000000000010${n}`,
      displayName: `${hotelName} Facebook`,
      appSecret: META_APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    },
    { provider: ChannelProvider.WebForm, externalId: `${prefix}-web`, displayName: `${hotelName} web sitesi formu` },
    {
      provider: ChannelProvider.Email,
      externalId: `${prefix}-mail`,
      displayName: `rezervasyon@${handle}.demo`,
      appSecret: INTAKE_SECRET,
    },
    {
      provider: ChannelProvider.Ota,
      externalId: `${prefix}-ota`,
      displayName: `${hotelName} OTA (Booking.com, Expedia)`,
      appSecret: INTAKE_SECRET,
    },
    {
      provider: ChannelProvider.Pbx,
      externalId: `${prefix}-pbx`,
      displayName: `${hotelName} santral`,
      appSecret: INTAKE_SECRET,
    },
  ];
}

/** The demo hotels' channel accounts by hotel code; docs/channels.md and the webhook tools use these values. */
export const DEMO_CHANNELS: Readonly<Record<string, readonly DemoChannelAccount[]>> = {
  BLK: hotelChannels('BLK', 'Belek Palace', 1),
  SDE: hotelChannels('SDE', 'Side Marina', 2),
  BDR: hotelChannels('BDR', 'Bodrum Koy', 3),
};

export interface SeededChannel {
  id: string;
  provider: ChannelProvider;
  externalId: string;
  displayName: string;
}

/**
 * Inserts a hotel's channel accounts and their routes. Secrets are sealed with the deployment's BATON_SECRETS_KEY
 * (tenant id as additional data, exactly like the app); without a key the accounts are stored without secrets and an
 * admin can add them later.
 */
export async function seedChannelAccounts(
  client: Client,
  hotelId: string,
  code: string,
  createdAt: Date,
  secretsKey: string | undefined,
): Promise<SeededChannel[]> {
  const box = secretsKey ? new SecretBox({ BATON_SECRETS_KEY: secretsKey } as BatonConfig) : null;
  const seal = (value: string | undefined): string | null => (box && value ? box.seal(value, hotelId) : null);
  const accounts = (DEMO_CHANNELS[code] ?? []).map((account) => ({
    ...account,
    id: randomUUID(),
    verifyTokenHash: account.verifyToken ? sha256(account.verifyToken) : null,
  }));
  await insertRows(
    client,
    'channel_account',
    [
      'tenant_id',
      'id',
      'provider',
      'external_id',
      'display_name',
      'app_secret_enc',
      'access_token_enc',
      'verify_token_hash',
      'created_at',
      'updated_at',
    ],
    accounts.map((a) => [
      hotelId,
      a.id,
      a.provider,
      a.externalId,
      a.displayName,
      seal(a.appSecret),
      seal(a.accessToken),
      a.verifyTokenHash,
      createdAt,
      createdAt,
    ]),
  );
  await insertRows(
    client,
    'channel_route',
    ['provider', 'external_id', 'hotel_id', 'account_id', 'verify_token_hash'],
    accounts.map((a) => [a.provider, a.externalId, hotelId, a.id, a.verifyTokenHash]),
  );
  return accounts.map(({ id, provider, externalId, displayName }) => ({ id, provider, externalId, displayName }));
}
