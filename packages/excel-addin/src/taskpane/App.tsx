/**
 * The pane's shell: Fluent provider, a header with the title and the language switch, the
 * {@link Pane}, a brand bar at the foot, and the live regions screen readers listen to. Inside
 * Excel it hosts the pane on an {@link OfficeWorkbook}; in a plain browser (preview) it first
 * offers a file picker and a bundled sample, then shows the workbook's grid beside the pane —
 * or below it when the window is narrower than 900 px. Nothing ever scrolls the page sideways.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '@phuluc/rules';
import { errorMessage, type ErrorMessage } from '../office/errors.js';
import { PreviewGrid } from '../preview/PreviewGrid.js';
import type { PreviewSource, Workbook } from '../workbook/types.js';
import { AnnounceContext, type Announce } from './announce.js';
import { FirstRun } from './FirstRun.js';
import { I18nContext, makeI18n, renderError } from './i18n.js';
import { LiveRegion } from './LiveRegion.js';
import { Pane } from './Pane.js';
import { ProgressBlock } from './Progress.js';

/** Below this width the preview stacks the grid under the pane. */
const STACK_BELOW = '@media (max-width: 899.98px)';
const FIRST_RUN_KEY = 'phuluc.firstRun';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  shell: { display: 'flex', minHeight: '100vh', alignItems: 'stretch', minWidth: 0 },
  shellPreview: {
    height: '100vh',
    [STACK_BELOW]: { flexDirection: 'column', height: 'auto' },
  },
  column: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  columnSide: {
    width: '380px',
    maxWidth: '40vw',
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    [STACK_BELOW]: { width: '100%', maxWidth: 'none', borderRight: 'none' },
  },
  body: {
    flexGrow: 1,
    minWidth: 0,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
  },
  bodyScroll: {
    overflowY: 'auto',
    [STACK_BELOW]: { overflowY: 'visible' },
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '12px 12px 0',
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    color: '#0e7038',
  },
  subtitle: { color: tokens.colorNeutralForeground3, display: 'block' },
  grid: {
    flexGrow: 1,
    minWidth: 0,
    height: '100vh',
    boxSizing: 'border-box',
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    backgroundColor: tokens.colorNeutralBackground1,
    [STACK_BELOW]: { height: '75vh', minHeight: '320px', padding: '8px', flexGrow: 0 },
  },
  fileRow: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  focusTarget: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    flexWrap: 'wrap',
    padding: '6px 12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  // In the stacked preview the brand bar closes the page, under the grid, not between them.
  brandBeside: { [STACK_BELOW]: { display: 'none' } },
  brandBelow: { display: 'none', [STACK_BELOW]: { display: 'flex' } },
  brandName: { fontWeight: tokens.fontWeightSemibold, color: '#0e7038' },
});

export type OpenFile = (file: File) => Promise<PreviewSource>;

export interface AppProps {
  /** `office`: inside Excel; `preview`: plain browser with a file picker. */
  readonly mode: 'office' | 'preview';
  /** The workbook (office mode, or tests). */
  readonly workbook?: Workbook;
  /** Opens a picked file (preview mode); loads ExcelJS on first use. */
  readonly openFile?: OpenFile;
  /** Fetches the bundled sample workbook (preview mode). */
  readonly loadSample?: () => Promise<File>;
  readonly initialLang?: Lang;
}

function firstRunDone(): boolean {
  try {
    return globalThis.localStorage?.getItem(FIRST_RUN_KEY) === 'done';
  } catch {
    return false;
  }
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
  const [live, setLive] = useState({ status: '', alert: '' });
  const [showFirstRun, setShowFirstRun] = useState(() => !firstRunDone());
  const [focusOpened, setFocusOpened] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const opened = useRef<HTMLElement>(null);
  const workbook: Workbook | null = props.mode === 'office' ? (props.workbook ?? null) : preview;

  const announce = useCallback<Announce>(
    (m) => setLive((l) => ({ status: m.status ?? l.status, alert: m.alert ?? '' })),
    [],
  );

  // What the live regions said was said in the other language: nothing of it stays on screen.
  useEffect(() => setLive({ status: '', alert: '' }), [lang]);

  // The page's language follows the pane's, for screen readers and hyphenation.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (!focusOpened || !opened.current) return;
    opened.current.focus();
    setFocusOpened(false);
  }, [focusOpened, preview]);

  const open = async (load: () => Promise<File>, fallbackName: string) => {
    if (!props.openFile) return;
    setOpening(true);
    setOpenError(null);
    announce({ status: tr('pane.progress.open') });
    let name = fallbackName;
    try {
      const file = await load();
      name = file.name;
      const source = await props.openFile(file);
      // A transition: React renders the pane and the grid in slices, so the page never freezes.
      startTransition(() => {
        setPreview((old) => {
          old?.dispose?.();
          return source;
        });
        setOpenId((n) => n + 1);
        setFocusOpened(true);
      });
      announce({ status: tr('pane.announce.opened', { name, sheet: source.currentSheet() }) });
    } catch (e) {
      const m = errorMessage(e);
      const shown: ErrorMessage =
        m.key === 'pane.error.unknown'
          ? { key: 'pane.error.badFile', params: { name } }
          : { ...m, params: { file: name, ...m.params } };
      setOpenError(shown);
      announce({ alert: renderError(i18n, shown) });
    } finally {
      setOpening(false);
      if (input.current) input.current.value = '';
    }
  };

  const onPick = (file: File | undefined) => {
    if (file) void open(async () => file, file.name);
  };

  const onSample = () => {
    if (props.loadSample) void open(props.loadSample, tr('pane.firstRun.sampleName'));
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
      <div style={{ minWidth: 0 }}>
        <h1 className={styles.title}>{tr('pane.title')}</h1>
        <Text size={200} className={styles.subtitle}>
          {tr('pane.subtitle')}
        </Text>
      </div>
      <Button
        size="small"
        appearance="subtle"
        onClick={() => startTransition(() => setLang(lang === 'vi' ? 'en' : 'vi'))}
        title={tr('pane.lang.toggleHint')}
        lang={lang === 'vi' ? 'en' : 'vi'}
        data-testid="lang-toggle"
      >
        {tr('pane.lang.toggle')}
      </Button>
    </header>
  );

  const pickFile = () => input.current?.click();
  const filePicker = props.mode === 'preview' && (
    <section
      aria-label={tr('pane.preview.fileLabel')}
      style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 0 }}
    >
      <Text size={200} className={styles.subtitle}>
        {tr('pane.preview.badge')}
      </Text>
      {!preview && <Text>{tr('pane.preview.intro')}</Text>}
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={tr('pane.preview.fileLabel')}
        data-testid="file-input"
        hidden
        onChange={(e) => onPick(e.currentTarget.files?.[0])}
      />
      {preview ? (
        <div className={styles.fileRow}>
          <Button disabled={opening} onClick={pickFile}>
            {tr('pane.preview.open')}
          </Button>
          <Button
            onClick={() => void download()}
            title={tr('pane.preview.downloadHint')}
            data-testid="download"
          >
            {tr('pane.preview.download')}
          </Button>
        </div>
      ) : (
        <FirstRun preview busy={opening} onOpen={pickFile} onSample={onSample} />
      )}
      {preview && (
        <Text
          size={200}
          className={mergeClasses(styles.fileName, styles.focusTarget)}
          data-testid="file-name"
          tabIndex={-1}
          ref={opened}
        >
          {tr('pane.preview.opened', { name: preview.fileName })}
        </Text>
      )}
      {opening && <ProgressBlock progress={{ phase: 'open' }} now />}
      {openError && (
        <MessageBar intent="error">
          <MessageBarBody>{renderError(i18n, openError)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );

  const dismissFirstRun = () => {
    setShowFirstRun(false);
    try {
      globalThis.localStorage?.setItem(FIRST_RUN_KEY, 'done');
    } catch {
      // A webview without storage shows the card again next time: harmless.
    }
  };

  const brandBar = (className: string | false) => (
    <footer className={mergeClasses(styles.brand, className)}>
      <img src="assets/icon-16.png" alt="" width={16} height={16} />
      <span className={styles.brandName}>{tr('pane.brand.name')}</span>
      <span>{tr('pane.brand.offline')}</span>
    </footer>
  );

  return (
    <I18nContext.Provider value={i18n}>
      <AnnounceContext.Provider value={announce}>
        <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
          <div className={mergeClasses(styles.shell, !!preview && styles.shellPreview)}>
            <div className={mergeClasses(styles.column, !!preview && styles.columnSide)}>
              {header}
              <main className={mergeClasses(styles.body, !!preview && styles.bodyScroll)}>
                {filePicker}
                {props.mode === 'office' && showFirstRun && (
                  <FirstRun preview={false} onDismiss={dismissFirstRun} />
                )}
                {workbook && <Pane key={`${props.mode}-${openId}`} workbook={workbook} />}
              </main>
              {brandBar(!!preview && styles.brandBeside)}
            </div>
            {preview && (
              <section className={styles.grid} aria-label={tr('pane.preview.sheets')}>
                <PreviewGrid source={preview} />
              </section>
            )}
          </div>
          {preview && brandBar(styles.brandBelow)}
          <LiveRegion status={live.status} alert={live.alert} />
        </FluentProvider>
      </AnnounceContext.Provider>
    </I18nContext.Provider>
  );
}
