/**
 * What screen readers hear: one polite live region for progress and results, one assertive
 * region for errors. Both are visually hidden; the same texts are on screen.
 */
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** The live regions, always in the page (a region added together with its text is not read). */
export function LiveRegion(props: { status: string; alert: string }) {
  const styles = useStyles();
  return (
    <>
      <div
        className={styles.hidden}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="live-status"
      >
        {props.status}
      </div>
      <div
        className={styles.hidden}
        role="alert"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="live-alert"
      >
        {props.alert}
      </div>
    </>
  );
}
