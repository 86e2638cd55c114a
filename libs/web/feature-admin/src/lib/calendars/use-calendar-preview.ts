/** The editor's "when would it be due" line: always counted in the draft on screen, saved or not. */
import type { BusinessCalendar, UseBusinessCalendars } from '@baton/web/data-access';
import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

import { definitionOf, draftProblems, hasUnsavedHours, type CalendarDraft, type PreviewResult } from './calendar-draft';
import type { CalendarFeedback } from './use-calendar-feedback';

export function useCalendarPreview(options: {
  draft: Ref<CalendarDraft>;
  stored: Readonly<Ref<BusinessCalendar | null>>;
  store: UseBusinessCalendars;
  feedback: CalendarFeedback;
}) {
  const { draft, stored, store, feedback } = options;
  const { t } = useI18n();
  const result = ref<PreviewResult | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);

  // A result describes the draft it was computed in: after any edit it would mislead, so it goes.
  watch(draft, () => (result.value = null), { deep: true });

  function reset(): void {
    result.value = null;
    error.value = null;
  }

  async function run(request: { start: string; minutes: number }): Promise<void> {
    reset();
    feedback.clearProblems();
    const problems = draftProblems(draft.value, { requireName: false });
    if (problems.length > 0) {
      error.value = feedback.showLocal(problems) ?? t('calendars.preview.fixFirst');
      return;
    }
    const unsavedEdits = hasUnsavedHours(draft.value, stored.value);
    busy.value = true;
    try {
      const answer = await store.preview(draft.value.id, request.start, request.minutes, definitionOf(draft.value));
      result.value = {
        start: answer.start,
        minutes: answer.minutes,
        dueAt: answer.dueAt,
        workingNow: answer.workingNow,
        unsavedEdits,
      };
    } catch (failure) {
      error.value = feedback.requestError(failure) ?? t('calendars.preview.fixFirst');
    } finally {
      busy.value = false;
    }
  }

  return { result, error, busy, run, reset };
}
