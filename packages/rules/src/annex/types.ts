/** Ids of the built-in annex layouts. User-defined layouts may use other ids. */
export const LAYOUT_IDS = [
  'budget-allocation',
  'poverty-targets',
  'service-targets',
  'budget-matrix',
] as const;

/** A layout id: one of {@link LAYOUT_IDS}. */
export type LayoutId = (typeof LAYOUT_IDS)[number];
