/** Pure mappings from the case page's data to the view models of the web/ui components. */
import { DictionaryKind } from '@baton/shared/contracts';
import { buildTimeline, describeMessage, type CaseDetail, type CaseHandoff } from '@baton/web/data-access';
import type { HandoffView, Option, TimelineEntryView } from '@baton/web/ui';

export type DictionaryLabel = (kind: DictionaryKind, code: string | null | undefined) => string;

export function handoffView(handoff: CaseHandoff, label: DictionaryLabel): HandoffView {
  return { ...handoff, toTeamLabel: label(DictionaryKind.Team, handoff.toTeam) };
}

/** Messages, transitions, handoffs and notes of a case in one chronological list, ready for `TimelineItem`. */
export function timelineView(item: CaseDetail, label: DictionaryLabel): TimelineEntryView[] {
  return buildTimeline(item).map((entry): TimelineEntryView => {
    switch (entry.kind) {
      case 'message':
        return { ...entry, content: describeMessage(entry.message) };
      case 'handoff':
      case 'handoff_accepted':
        return { ...entry, handoff: handoffView(entry.handoff, label) };
      case 'transition':
      case 'note':
        return entry;
    }
  });
}

export function dictionaryOptions(
  entries: ReadonlyArray<{ code: string; labelTr: string; labelEn: string }>,
  locale: string,
): Option[] {
  return entries.map((entry) => ({ value: entry.code, label: locale === 'tr' ? entry.labelTr : entry.labelEn }));
}
