/** The pane's two other glyphs: the settings gear and the disclosure chevron. Decorative. */

/** A gear, for the settings button. */
export function GearIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="currentColor"
    >
      <path d="M9.4 1 9.8 3a5.3 5.3 0 0 1 1.3.8l1.9-.7 1.4 2.4-1.5 1.3a5 5 0 0 1 0 1.5l1.5 1.3-1.4 2.4-1.9-.7c-.4.3-.8.6-1.3.8L9.4 15H6.6L6.2 13a5.3 5.3 0 0 1-1.3-.8l-1.9.7-1.4-2.4 1.5-1.3a5 5 0 0 1 0-1.5L1.6 6.4 3 4l1.9.7c.4-.3.8-.6 1.3-.8L6.6 1h2.8ZM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z" />
    </svg>
  );
}

/** A chevron pointing down (open) or right (closed). */
export function ChevronIcon(props: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="12"
      height="12"
      viewBox="0 0 16 16"
      fill="currentColor"
      style={{ transform: props.open ? 'rotate(90deg)' : undefined, flexShrink: 0 }}
    >
      <path d="M5.7 2.3 11.4 8l-5.7 5.7-1.4-1.4L8.6 8 4.3 3.7l1.4-1.4Z" />
    </svg>
  );
}
