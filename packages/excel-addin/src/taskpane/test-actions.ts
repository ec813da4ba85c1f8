/** Test helpers: the pane's actions behind "Thêm" and the settings gear, as a user reaches them. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

/** Open "Thêm" (if closed) and return its action button named `name`. */
export function moreAction(name: string | RegExp): HTMLElement {
  const toggle = screen.getByTestId('more');
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  const group = screen.getByRole('group', { name: /Thêm lệnh|More commands/ });
  return within(group).getByRole('button', { name });
}

/** {@link moreAction}, waiting for the button to appear (an action offered once a state is known). */
export async function findMoreAction(name: string | RegExp): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitFor(() => {
    found = moreAction(name);
  });
  return found!;
}

/** Open the settings behind the gear. */
export function openSettings(): void {
  const gear = screen.getByTestId('settings');
  if (gear.getAttribute('aria-expanded') !== 'true') fireEvent.click(gear);
}
