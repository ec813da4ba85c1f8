/**
 * The first-run card: what the pane does in three steps and, in the browser preview, a bundled
 * sample workbook with planted mistakes to try it on.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useI18n } from './i18n.js';
import { panelStyle } from './styles.js';

const useStyles = makeStyles({
  card: { ...panelStyle, backgroundColor: tokens.colorNeutralBackground1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

/**
 * @param preview whether the pane runs as the browser preview (step 1 opens a file)
 * @param onOpen opens the file picker (preview)
 * @param onSample opens the bundled sample (preview)
 * @param onDismiss hides the card for good (inside Excel)
 */
export function FirstRun(props: {
  preview: boolean;
  busy?: boolean;
  onOpen?: () => void;
  onSample?: () => void;
  onDismiss?: () => void;
}) {
  const { tr } = useI18n();
  const styles = useStyles();
  return (
    <section className={styles.card} aria-labelledby="phuluc-first-run" data-panel="first-run">
      <h2 className={styles.title} id="phuluc-first-run">
        {tr('pane.firstRun.title')}
      </h2>
      <ol className={styles.steps}>
        <li>
          <Text>{tr(props.preview ? 'pane.firstRun.step1Preview' : 'pane.firstRun.step1')}</Text>
        </li>
        <li>
          <Text>{tr('pane.firstRun.step2')}</Text>
        </li>
        <li>
          <Text>{tr('pane.firstRun.step3')}</Text>
        </li>
      </ol>
      {props.preview && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={props.busy} onClick={props.onOpen}>
            {tr('pane.preview.open')}
          </Button>
          <Button disabled={props.busy} onClick={props.onSample} data-testid="sample">
            {tr('pane.firstRun.sample')}
          </Button>
        </div>
      )}
      {props.onDismiss && (
        <div className={styles.actions}>
          <Button onClick={props.onDismiss}>{tr('pane.action.close')}</Button>
        </div>
      )}
    </section>
  );
}
