/** Where the editor's problems go: next to the window or holiday row they name, else one line above the buttons. */
import { describeError } from '@baton/web/data-access';
import { requestErrorText } from '@baton/web/ui';
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

import { windowAt, type CalendarDraft, type DraftProblem } from './calendar-draft';

export interface CalendarFeedback {
  /** Translated problems by `weekday.index` of the weekly editor. */
  readonly windowProblems: Ref<Record<string, string>>;
  /** Translated problems by holiday row (the day or one of its windows). */
  readonly holidayProblems: Ref<Record<number, string>>;
  clearProblems(): void;
  /** Puts local problems next to their rows; the text of those that have no row (e.g. the name), or null. */
  showLocal(problems: readonly DraftProblem[]): string | null;
  /** The message of a failed request, or null when it was a BAD_USER_INPUT now shown next to its row. */
  requestError(error: unknown): string | null;
  /** The message of a failed request, never placed on a row. */
  errorText(error: unknown): string;
}

export function useCalendarFeedback(draft: Ref<CalendarDraft>): CalendarFeedback {
  const { t, te } = useI18n();
  const windowProblems = ref<Record<string, string>>({});
  const holidayProblems = ref<Record<number, string>>({});

  const fieldLabel = (field: string): string => {
    const key = `calendars.fields.${field.replace(/^definition\./, '').split('.')[0]}`;
    return te(key) ? t(key) : field;
  };

  function errorText(error: unknown): string {
    const info = describeError(error);
    if (info.code === 'STALE_VERSION') {
      return t('calendars.form.stale');
    }
    return requestErrorText(info, t, fieldLabel);
  }

  /**
   * weekly.N → that window, holidays.N(.windows.M) → that day; the preview's paths start with `definition.` (the
   * argument that carried the draft) and name the same rows.
   */
  function place(field: string, message: string): boolean {
    const path = field.replace(/^definition\./, '');
    const window = windowAt(draft.value, path);
    if (window) {
      windowProblems.value = { ...windowProblems.value, [`${window.weekday}.${window.index}`]: message };
      return true;
    }
    const holiday = /^holidays\.(\d+)/.exec(path);
    if (holiday) {
      holidayProblems.value = { ...holidayProblems.value, [Number(holiday[1])]: message };
      return true;
    }
    return false;
  }

  return {
    windowProblems,
    holidayProblems,
    errorText,
    clearProblems() {
      windowProblems.value = {};
      holidayProblems.value = {};
    },
    showLocal(problems) {
      const text = (p: DraftProblem) => t(`calendars.problems.${p.key}`);
      const general = problems.filter((p) => !place(p.field, text(p)));
      return general.length > 0 ? general.map((p) => `${fieldLabel(p.field)}: ${text(p)}`).join(' ') : null;
    },
    requestError(error) {
      const info = describeError(error);
      const field = typeof info.details.field === 'string' ? info.details.field : '';
      return info.code === 'BAD_USER_INPUT' && field && place(field, info.message ?? '') ? null : errorText(error);
    },
  };
}
