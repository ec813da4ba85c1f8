/**
 * The preview's sheet tabs: an ARIA tab list with one tab stop (the current sheet), arrow keys,
 * Home and End between tabs. Plain buttons, so no focus-trap helper elements enter the page.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    gap: '2px',
    overflowX: 'auto',
    flexShrink: 0,
    maxWidth: '100%',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    flexShrink: 0,
    padding: '4px 10px',
    border: 'none',
    borderBottom: '3px solid transparent',
    background: 'none',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

/** Tabs for `names`, `selected` current; `onSelect` when the user picks one. */
export function SheetTabs(props: {
  names: readonly string[];
  selected: string;
  label: string;
  onSelect: (name: string) => void;
}) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = props.names.indexOf(props.selected);
    const n = props.names.length;
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % n
        : e.key === 'ArrowLeft'
          ? (at - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    props.onSelect(props.names[to]!);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={props.label}
      className={styles.list}
      ref={list}
      onKeyDown={onKeyDown}
    >
      {props.names.map((name) => {
        const selected = name === props.selected;
        return (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            data-sheet-tab={name}
            onClick={() => props.onSelect(name)}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
