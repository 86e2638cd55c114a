import { onScopeDispose, readonly, ref, watch, type Ref, type WatchSource } from 'vue';

/** `source`, settled: follows it `delayMs` after it stops changing (search boxes). Owns its timer. */
export function useDebounced<T>(source: WatchSource<T>, delayMs = 300, initial?: T): Readonly<Ref<T>> {
  const settled = ref(initial) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    source,
    (value, previous) => {
      clearTimeout(timer);
      if (previous === undefined) {
        settled.value = value;
        return;
      }
      timer = setTimeout(() => {
        settled.value = value;
      }, delayMs);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearTimeout(timer));
  return readonly(settled) as Readonly<Ref<T>>;
}
