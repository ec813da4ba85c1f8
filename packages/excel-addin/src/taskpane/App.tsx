/**
 * The pane's shell: Fluent provider, title, language toggle. Inside Excel it hosts the
 * {@link Pane} on an {@link OfficeWorkbook}; in a plain browser (preview) it first offers a
 * file picker and shows the opened workbook's sheets beside the pane.
 */
import {
  Badge,
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Lang } from '@phuluc/rules';
import { errorMessage, type ErrorMessage } from '../office/errors.js';
import { PreviewGrid } from '../preview/PreviewGrid.js';
import type { PreviewSource, Workbook } from '../workbook/types.js';
import { I18nContext, makeI18n, renderError } from './i18n.js';
import { Pane } from './Pane.js';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  shell: { display: 'flex', minHeight: '100vh', alignItems: 'stretch' },
  pane: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '420px',
    flexShrink: 0,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  paneOffice: { maxWidth: 'none' },
  paneSide: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    height: '100vh',
    overflowY: 'auto',
    position: 'sticky',
    top: 0,
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: '8px',
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    color: '#107c41',
  },
  subtitle: { color: tokens.colorNeutralForeground3, display: 'block' },
  main: {
    flexGrow: 1,
    minWidth: 0,
    height: '100vh',
    boxSizing: 'border-box',
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fileRow: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  intro: { color: tokens.colorNeutralForeground2 },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

export type OpenFile = (file: File) => Promise<PreviewSource>;

export interface AppProps {
  /** `office`: inside Excel; `preview`: plain browser with a file picker. */
  readonly mode: 'office' | 'preview';
  /** The workbook (office mode, or tests). */
  readonly workbook?: Workbook;
  /** Opens a picked file (preview mode); loads ExcelJS on first use. */
  readonly openFile?: OpenFile;
  readonly initialLang?: Lang;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang ?? 'vi');
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { tr } = i18n;
  const styles = useStyles();
  const [preview, setPreview] = useState<PreviewSource | null>(null);
  const [opening, setOpening] = useState(false);
  const [openId, setOpenId] = useState(0);
  const [openError, setOpenError] = useState<ErrorMessage | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const workbook: Workbook | null = props.mode === 'office' ? (props.workbook ?? null) : preview;

  const onPick = async (file: File | undefined) => {
    if (!file || !props.openFile) return;
    setOpening(true);
    setOpenError(null);
    try {
      setPreview(await props.openFile(file));
      setOpenId((n) => n + 1);
    } catch (e) {
      const m = errorMessage(e);
      setOpenError(
        m.key === 'pane.error.unknown'
          ? { key: 'pane.error.badFile', params: { name: file.name } }
          : { ...m, params: { file: file.name, ...m.params } },
      );
    } finally {
      setOpening(false);
      if (input.current) input.current.value = '';
    }
  };

  const download = async () => {
    if (!preview) return;
    setOpenError(null);
    let bytes: Uint8Array;
    try {
      bytes = await preview.toBytes();
    } catch (e) {
      // A write that cannot be made without damage is refused: say why, download nothing.
      const m = errorMessage(e);
      setOpenError({ ...m, params: { file: preview.fileName, ...m.params } });
      return;
    }
    const blob = new Blob([bytes as BlobPart], {
      type: /\.xlsm$/i.test(preview.downloadName())
        ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = preview.downloadName();
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const header = (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>{tr('pane.title')}</h1>
        <Text size={200} className={styles.subtitle}>
          {tr('pane.subtitle')}
        </Text>
      </div>
      <Button
        size="small"
        appearance="subtle"
        onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        title={tr('pane.lang.toggleHint')}
        aria-label={tr('pane.lang.toggleHint')}
        data-testid="lang-toggle"
      >
        {tr('pane.lang.toggle')}
      </Button>
    </header>
  );

  const filePicker = props.mode === 'preview' && (
    <section
      aria-label={tr('pane.preview.fileLabel')}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
    >
      <div className={styles.fileRow}>
        <Badge appearance="tint" color="informative">
          {tr('pane.preview.badge')}
        </Badge>
      </div>
      {!preview && <Text className={styles.intro}>{tr('pane.preview.intro')}</Text>}
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={tr('pane.preview.fileLabel')}
        data-testid="file-input"
        hidden
        onChange={(e) => void onPick(e.currentTarget.files?.[0])}
      />
      <div className={styles.fileRow}>
        <Button
          appearance={preview ? 'secondary' : 'primary'}
          disabled={opening}
          onClick={() => input.current?.click()}
        >
          {tr('pane.preview.open')}
        </Button>
        {preview && (
          <Button
            appearance="primary"
            onClick={() => void download()}
            title={tr('pane.preview.downloadHint')}
            data-testid="download"
          >
            {tr('pane.preview.download')}
          </Button>
        )}
      </div>
      {preview && (
        <Text size={200} className={styles.fileName} data-testid="file-name">
          {tr('pane.preview.opened', { name: preview.fileName })}
        </Text>
      )}
      {opening && <Text size={200}>{tr('pane.busy')}</Text>}
      {openError && (
        <MessageBar intent="error">
          <MessageBarBody>{renderError(i18n, openError)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
        <div className={styles.shell}>
          <div
            className={`${styles.pane} ${props.mode === 'office' ? styles.paneOffice : ''} ${preview ? styles.paneSide : ''}`}
          >
            {header}
            {filePicker}
            {workbook && <Pane key={`${props.mode}-${openId}`} workbook={workbook} />}
          </div>
          {preview && (
            <main className={styles.main}>
              <PreviewGrid source={preview} />
            </main>
          )}
        </div>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
