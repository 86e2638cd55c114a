/** Business-hours calendars: types, documents and the editor's composable. */
import { gql, type TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

import { useBatonClient } from './baton-client';
import { errorCodeOf, type RequestErrorCode } from './errors';
import type { DateTimeString } from './types';

/** An opening window: ISO weekday (1 = Monday … 7 = Sunday), local `HH:mm` [start, end); end may be `24:00`. */
export interface CalendarWindow {
  weekday: number;
  start: string;
  end: string;
}

/** A holiday's own working window, local `HH:mm` [start, end); end may be `24:00`. */
export interface CalendarDayWindow {
  start: string;
  end: string;
}

/** A day off the weekly schedule: closed all day (no windows) or a half day open only in its own windows. */
export interface CalendarHoliday {
  __typename?: 'BusinessCalendarHoliday';
  /** `YYYY-MM-DD` in the calendar's zone. */
  date: string;
  name: string;
  /** `manual` or `ical`. */
  source: string;
  uid: string | null;
  /** By start; empty = closed all day. They replace the weekday's windows on that date. */
  windows: Array<CalendarDayWindow & { __typename?: 'BusinessCalendarDayWindow' }>;
}

/** `input BusinessCalendarHolidayInput` (omitted or empty windows = closed all day). */
export interface CalendarHolidayInput {
  date: string;
  name: string;
  uid?: string | null;
  windows?: CalendarDayWindow[] | null;
}

/** `input BusinessCalendarDefinitionInput`: what the editor shows, to preview before saving (nothing is stored). */
export interface CalendarDefinitionInput {
  timeZone: string;
  weekly: CalendarWindow[];
  holidays?: CalendarHolidayInput[] | null;
}

export interface BusinessCalendar {
  __typename?: 'BusinessCalendar';
  id: string;
  hotelId: string;
  name: string;
  timeZone: string;
  weekly: Array<CalendarWindow & { __typename?: 'BusinessCalendarWindow' }>;
  holidays: CalendarHoliday[];
  isDefault: boolean;
  version: number;
  openMinutesPerWeek: number;
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

/** `input SaveBusinessCalendarInput` (no id = create; `holidays` replaces the whole list). */
export interface SaveBusinessCalendarInput {
  hotelId: string;
  id?: string | null;
  version?: number | null;
  name: string;
  timeZone: string;
  weekly: CalendarWindow[];
  holidays?: CalendarHolidayInput[] | null;
  isDefault?: boolean | null;
}

export interface HolidayImportResult {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  calendar: BusinessCalendar;
}

export interface CalendarPreview {
  calendarId: string | null;
  /** Computed in the definition sent with the query rather than a stored calendar. */
  unsaved: boolean;
  timeZone: string;
  start: DateTimeString;
  minutes: number;
  dueAt: DateTimeString;
  workingAtStart: boolean;
  workingNow: boolean;
  nextWorkingAt: DateTimeString;
}

export interface BusinessCalendarsQuery {
  businessCalendars: BusinessCalendar[];
}
export interface CalendarPreviewVariables {
  hotelId: string;
  calendarId?: string | null;
  definition?: CalendarDefinitionInput | null;
  start: DateTimeString;
  minutes: number;
}

export const BUSINESS_CALENDAR_FIELDS = gql`
  fragment BusinessCalendarFields on BusinessCalendar {
    id
    hotelId
    name
    timeZone
    weekly {
      weekday
      start
      end
    }
    holidays {
      date
      name
      source
      uid
      windows {
        start
        end
      }
    }
    isDefault
    version
    openMinutesPerWeek
    createdAt
    updatedAt
  }
`;

export const BUSINESS_CALENDARS_QUERY: TypedDocumentNode<BusinessCalendarsQuery, { hotelId: string }> = gql`
  query BusinessCalendars($hotelId: ID!) {
    businessCalendars(hotelId: $hotelId) {
      ...BusinessCalendarFields
    }
  }
  ${BUSINESS_CALENDAR_FIELDS}
`;

export const SAVE_BUSINESS_CALENDAR_MUTATION: TypedDocumentNode<
  { saveBusinessCalendar: BusinessCalendar },
  { input: SaveBusinessCalendarInput }
> = gql`
  mutation SaveBusinessCalendar($input: SaveBusinessCalendarInput!) {
    saveBusinessCalendar(input: $input) {
      ...BusinessCalendarFields
    }
  }
  ${BUSINESS_CALENDAR_FIELDS}
`;

export const DELETE_BUSINESS_CALENDAR_MUTATION: TypedDocumentNode<
  { deleteBusinessCalendar: boolean },
  { hotelId: string; id: string }
> = gql`
  mutation DeleteBusinessCalendar($hotelId: ID!, $id: ID!) {
    deleteBusinessCalendar(hotelId: $hotelId, id: $id)
  }
`;

export const IMPORT_HOLIDAYS_MUTATION: TypedDocumentNode<
  { importHolidays: HolidayImportResult },
  { hotelId: string; calendarId: string; ical: string }
> = gql`
  mutation ImportHolidays($hotelId: ID!, $calendarId: ID!, $ical: String!) {
    importHolidays(hotelId: $hotelId, calendarId: $calendarId, ical: $ical) {
      added
      updated
      unchanged
      removed
      skipped
      calendar {
        ...BusinessCalendarFields
      }
    }
  }
  ${BUSINESS_CALENDAR_FIELDS}
`;

export const CALENDAR_PREVIEW_QUERY: TypedDocumentNode<{ calendarPreview: CalendarPreview }, CalendarPreviewVariables> =
  gql`
    query CalendarPreview(
      $hotelId: ID!
      $calendarId: ID
      $definition: BusinessCalendarDefinitionInput
      $start: DateTime!
      $minutes: Int!
    ) {
      calendarPreview(
        hotelId: $hotelId
        calendarId: $calendarId
        definition: $definition
        start: $start
        minutes: $minutes
      ) {
        calendarId
        unsaved
        timeZone
        start
        minutes
        dueAt
        workingAtStart
        workingNow
        nextWorkingAt
      }
    }
  `;

export interface UseBusinessCalendars {
  /** Default first, then by name (the API's order). */
  readonly calendars: ComputedRef<readonly BusinessCalendar[]>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly error: ComputedRef<RequestErrorCode | null>;
  readonly busy: Readonly<Ref<boolean>>;
  /** Creates (no id) or updates; rejects with the Apollo error (BAD_USER_INPUT with details.field, STALE_VERSION…). */
  save(input: Omit<SaveBusinessCalendarInput, 'hotelId'>): Promise<BusinessCalendar>;
  remove(id: string): Promise<void>;
  importHolidays(calendarId: string, ical: string): Promise<HolidayImportResult>;
  /**
   * When `minutes` of working time from `start` fall due (always asks the server): in `definition` when given (the
   * unsaved calendar on screen; BAD_USER_INPUT fields read `definition.weekly.2.end`), else in the stored calendar.
   */
  preview(
    calendarId: string | null,
    start: DateTimeString,
    minutes: number,
    definition?: CalendarDefinitionInput | null,
  ): Promise<CalendarPreview>;
}

/** A hotel's business-hours calendars and the editor's operations on them. */
export function useBusinessCalendars(hotelId: MaybeRefOrGetter<string | null | undefined>): UseBusinessCalendars {
  const { apollo } = useBatonClient();
  const query = useQuery(
    BUSINESS_CALENDARS_QUERY,
    () => ({ hotelId: toValue(hotelId) ?? '' }),
    () => ({ fetchPolicy: 'cache-and-network' as const, enabled: Boolean(toValue(hotelId)) }),
  );
  const busy = ref(false);

  function hotel(): string {
    const id = toValue(hotelId);
    if (!id) {
      throw new Error('useBusinessCalendars: no hotel selected');
    }
    return id;
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true;
    try {
      const result = await work();
      // Saving one calendar may move the default flag off another: refetch the list rather than patch the cache.
      await query.refetch();
      return result;
    } finally {
      busy.value = false;
    }
  }

  return {
    calendars: computed(() => query.result.value?.businessCalendars ?? []),
    loading: query.loading,
    error: computed(() => (query.error.value ? errorCodeOf(query.error.value) : null)),
    busy,
    save: (input) =>
      run(async () => {
        const { data } = await apollo.mutate({
          mutation: SAVE_BUSINESS_CALENDAR_MUTATION,
          variables: { input: { ...input, hotelId: hotel() } },
        });
        if (!data) {
          throw new Error('saveBusinessCalendar returned no data');
        }
        return data.saveBusinessCalendar;
      }),
    remove: (id) =>
      run(async () => {
        await apollo.mutate({ mutation: DELETE_BUSINESS_CALENDAR_MUTATION, variables: { hotelId: hotel(), id } });
        apollo.cache.evict({ id: apollo.cache.identify({ __typename: 'BusinessCalendar', id }) });
        apollo.cache.gc();
      }),
    importHolidays: (calendarId, ical) =>
      run(async () => {
        const { data } = await apollo.mutate({
          mutation: IMPORT_HOLIDAYS_MUTATION,
          variables: { hotelId: hotel(), calendarId, ical },
        });
        if (!data) {
          throw new Error('importHolidays returned no data');
        }
        return data.importHolidays;
      }),
    async preview(calendarId, start, minutes, definition = null) {
      const { data } = await apollo.query({
        query: CALENDAR_PREVIEW_QUERY,
        variables: { hotelId: hotel(), calendarId, definition, start, minutes },
        fetchPolicy: 'network-only',
      });
      return data.calendarPreview;
    },
  };
}
