/**
 * Long work made visible: a Fluent ProgressBar (with rows done of total where known, otherwise
 * moving) under the step's name, and a button that stops the work. It shows after a quarter of a
 * second, so quick actions do not flash it.
 */
import {
  Button,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from './i18n.js';
import type { Progress } from '../workbook/types.js';
import type { MessageKey } from '@phuluc/rules';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    visibility: 'hidden',
    animationName: { to: { visibility: 'visible' } },
    animationDuration: '1ms',
    animationDelay: '250ms',
    animationFillMode: 'forwards',
  },
  now: { visibility: 'visible', animationName: 'none' },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  label: { minWidth: 0, overflowWrap: 'anywhere' },
});

const LABELS: Readonly<Record<Progress['phase'], MessageKey>> = {
  open: 'pane.progress.open',
  read: 'pane.progress.read',
  check: 'pane.progress.check',
  fill: 'pane.progress.fill',
  mark: 'pane.progress.mark',
  write: 'pane.progress.write',
};

/** The words for a step of work (also what the live region says). */
export function progressText(
  tr: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string,
  progress: Progress | null,
): string {
  if (!progress) return tr('pane.busy');
  if (progress.phase === 'read' && progress.total && progress.done !== undefined)
    return tr('pane.progress.readRows', { done: progress.done, total: progress.total });
  return tr(LABELS[progress.phase]);
}

/**
 * The progress block: bar, step, and a stop button when the work can be stopped. Long work (the
 * kind that can be stopped, or `now`) shows it at once; other work after a quarter second.
 */
export function ProgressBlock(props: {
  progress: Progress | null;
  onCancel?: () => void;
  now?: boolean;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  const { progress } = props;
  const text = progressText(tr, progress);
  const value =
    progress?.total && progress.done !== undefined
      ? Math.min(1, progress.done / progress.total)
      : undefined;
  return (
    <div
      className={mergeClasses(styles.root, (props.now || props.onCancel) && styles.now)}
      data-testid="progress"
      aria-busy="true"
    >
      <div className={styles.row}>
        <Text size={200} className={styles.label} id="phuluc-progress-label">
          {text}
        </Text>
        {props.onCancel && (
          <Button size="small" onClick={props.onCancel} data-testid="cancel">
            {tr('pane.progress.cancel')}
          </Button>
        )}
      </div>
      <ProgressBar
        thickness="large"
        {...(value !== undefined ? { value } : {})}
        aria-labelledby="phuluc-progress-label"
      />
    </div>
  );
}
