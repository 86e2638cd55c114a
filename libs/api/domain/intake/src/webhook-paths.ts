import { ChannelProvider } from '@baton/shared/contracts';
import { assertNever } from '@baton/api/core';

/** Providers whose webhooks are signed (X-Hub-Signature-256 or X-Baton-Signature) and so need an app secret. */
export const SIGNED_PROVIDERS: readonly ChannelProvider[] = [
  ChannelProvider.WhatsApp,
  ChannelProvider.Instagram,
  ChannelProvider.Messenger,
  ChannelProvider.Email,
  ChannelProvider.Ota,
  ChannelProvider.Pbx,
];

/** Meta accounts are addressed by the numeric id Meta assigns. */
export const META_PROVIDERS: readonly ChannelProvider[] = [
  ChannelProvider.WhatsApp,
  ChannelProvider.Instagram,
  ChannelProvider.Messenger,
];

/** The path (on this API) the provider must call for an account. */
export function webhookPath(provider: ChannelProvider, externalId: string): string {
  const key = encodeURIComponent(externalId);
  switch (provider) {
    case ChannelProvider.WhatsApp:
      return '/webhooks/whatsapp';
    case ChannelProvider.Instagram:
    case ChannelProvider.Messenger:
      return '/webhooks/meta';
    case ChannelProvider.WebForm:
      return `/intake/forms/${key}`;
    case ChannelProvider.Email:
    case ChannelProvider.Ota:
      return `/intake/messages/${key}`;
    case ChannelProvider.Pbx:
      return `/intake/calls/${key}`;
    default:
      return assertNever(provider, 'channel provider');
  }
}
