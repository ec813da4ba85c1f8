/** The pane's voice for screen readers: parts of the pane say what happened through the shell's live regions. */
import { createContext, useContext } from 'react';

/** Say something: `status` politely (progress, results), `alert` at once (errors). */
export type Announce = (message: { status?: string; alert?: string }) => void;

export const AnnounceContext = createContext<Announce>(() => undefined);

/** The shell's announcer. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
