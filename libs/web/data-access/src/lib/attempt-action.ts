/** How a page runs an action for one of its controls and shows that control's error (pages own the wording). */
import type { Ref } from 'vue';

/** Turns whatever an action threw into a message for the user (a page's `requestErrorText` with its field labels). */
export type ErrorText = (error: unknown) => string;

/**
 * Runs one action for the control that started it: clears that control's error first and, when the action fails,
 * sets it to the failure's message, so each control shows its own error next to itself. Resolves whether it worked
 * (a composer then clears its text); never rejects, the error is shown instead.
 */
export async function attemptAction(
  work: () => Promise<unknown>,
  error: Ref<string | null>,
  errorText: ErrorText,
): Promise<boolean> {
  error.value = null;
  try {
    await work();
    return true;
  } catch (err) {
    error.value = errorText(err);
    return false;
  }
}
