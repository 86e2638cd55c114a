/** The editor's texts for a failed save (RACI_INVALID and STALE_VERSION carry details the page can name). */
import { describeError } from '@baton/web/data-access';
import { requestErrorText, type Translate } from '@baton/web/ui';

import type { DraftStep } from './raci-draft';

export function raciSaveErrorText(error: unknown, t: Translate, steps: readonly DraftStep[]): string {
  const info = describeError(error);
  if (info.code === 'RACI_INVALID' && Array.isArray(info.details.problems)) {
    const parts = (info.details.problems as Array<{ step?: unknown; rule?: unknown; count?: unknown }>).map((p) => {
      const step = steps.find((s) => s.key === p.step)?.name ?? String(p.step);
      return `${step}: ${t(`raci.rules.${String(p.rule)}`, { count: Number(p.count ?? 0) })}`;
    });
    return t('raci.errors.invalid', { steps: parts.join(' ') });
  }
  if (info.code === 'STALE_VERSION') {
    return t('raci.errors.stale', { version: String(info.details.currentVersion ?? '?') });
  }
  return requestErrorText(info, t, (field) => field);
}
