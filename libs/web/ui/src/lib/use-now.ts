import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue';

/**
 * A clock for relative times: `Date.now()` refreshed every `intervalMs` and when the tab becomes visible again.
 * Owns its timer; must be called inside a component `setup` (or another effect scope), which stops it.
 */
export function useNow(intervalMs = 30_000): Readonly<Ref<number>> {
  const now = ref(Date.now());
  if (!getCurrentScope()) {
    console.warn('[baton] useNow() called outside a component or effect scope; the clock will not tick');
    return readonly(now);
  }
  const tick = (): void => {
    now.value = Date.now();
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'visible') {
      tick();
    }
  };
  const timer = setInterval(tick, intervalMs);
  document.addEventListener('visibilitychange', onVisibility);
  onScopeDispose(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return readonly(now);
}
