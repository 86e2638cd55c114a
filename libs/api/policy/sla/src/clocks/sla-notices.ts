import { Locale, SlaMetric, SlaStep } from '@baton/shared/contracts';

const METRIC_NAMES: Readonly<Record<Locale, Record<SlaMetric, string>>> = {
  [Locale.En]: {
    [SlaMetric.FirstResponse]: 'first response',
    [SlaMetric.NextResponse]: 'next response',
    [SlaMetric.HandoffToSales]: 'handoff to sales',
    [SlaMetric.Resolution]: 'resolution',
    [SlaMetric.Approval]: 'approval',
  },
  [Locale.Tr]: {
    [SlaMetric.FirstResponse]: 'ilk yanıt',
    [SlaMetric.NextResponse]: 'sonraki yanıt',
    [SlaMetric.HandoffToSales]: 'satışa devir',
    [SlaMetric.Resolution]: 'çözüm',
    [SlaMetric.Approval]: 'onay',
  },
};

const TITLES: Readonly<Record<Locale, Record<SlaStep, string>>> = {
  [Locale.En]: {
    [SlaStep.Started]: 'SLA started',
    [SlaStep.Reminder]: 'SLA reminder',
    [SlaStep.Warning]: 'SLA final warning',
    [SlaStep.Breach]: 'SLA breached',
  },
  [Locale.Tr]: {
    [SlaStep.Started]: 'SLA başladı',
    [SlaStep.Reminder]: 'SLA hatırlatması',
    [SlaStep.Warning]: 'SLA son uyarısı',
    [SlaStep.Breach]: 'SLA aşıldı',
  },
};

const BODIES: Readonly<Record<Locale, Record<SlaStep, string>>> = {
  [Locale.En]: {
    [SlaStep.Started]: '{metric} of {number} is due {due}.',
    [SlaStep.Reminder]: '{metric} of {number} is due {due}: please answer soon.',
    [SlaStep.Warning]: '{metric} of {number} is due {due}: last call.',
    [SlaStep.Breach]: '{metric} of {number} was due {due} and is overdue.',
  },
  [Locale.Tr]: {
    [SlaStep.Started]: '{number} için {metric} süresi {due} tarihinde doluyor.',
    [SlaStep.Reminder]: '{number} için {metric} süresi {due} tarihinde doluyor: lütfen yakında yanıtlayın.',
    [SlaStep.Warning]: '{number} için {metric} süresi {due} tarihinde doluyor: son uyarı.',
    [SlaStep.Breach]: '{number} için {metric} süresi {due} tarihinde doldu ve aşıldı.',
  },
};

export interface SlaNotice {
  title: string;
  body: string;
}

/** The text of a ladder notice in the hotel's language, the due time on the hotel's wall clock. */
export function slaNotice(
  step: SlaStep,
  facts: { metric: SlaMetric; number: string; dueAt: Date; locale: string; timeZone: string },
): SlaNotice {
  const locale = facts.locale === Locale.En ? Locale.En : Locale.Tr;
  const due = new Intl.DateTimeFormat(locale === Locale.En ? 'en-GB' : 'tr-TR', {
    timeZone: facts.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(facts.dueAt);
  const metric = METRIC_NAMES[locale][facts.metric];
  const body = BODIES[locale][step]
    // English puts the metric first in the sentence, Turkish mid-sentence.
    .replace('{metric}', locale === Locale.En ? metric.charAt(0).toUpperCase() + metric.slice(1) : metric)
    .replace('{number}', facts.number)
    .replace('{due}', due);
  return { title: `${TITLES[locale][step]}: ${facts.number}`, body };
}
