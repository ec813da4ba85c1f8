/**
 * The task pane's body, laid out for 320–350 px: the sheet and its detected layout, a command bar
 * with one primary action (Kiểm tra) and the fill beside it, the other actions behind "Thêm",
 * settings behind the gear, progress with a stop button while work runs, then the results. It
 * talks only to a {@link Workbook}; the rules run in the engine (a Web Worker), so the pane keeps
 * painting while a large sheet is checked. After each action focus moves to its result, and the
 * shell's live regions say what happened.
 */
import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  buildTemplate,
  listLayouts,
  type CellWrite,
  type Issue,
  type LayoutDefinition,
  type LayoutId,
  type MessageKey,
  type ValidateSheetOptions,
  type Report,
} from '@phuluc/rules';
import { createEngine, type Engine } from '../engine/client.js';
import { isAbort } from '../engine/errors.js';
import { gridAnalyst } from '../engine/grid-analyst.js';
import { errorMessage, type ErrorMessage } from '../office/errors.js';
import type { Analyst, Progress, Workbook } from '../workbook/types.js';
import { AllSheets } from './AllSheets.js';
import { useAnnounce } from './announce.js';
import type { FillPlan } from '../engine/fill-plan.js';
import { GearIcon } from './Glyphs.js';
import { renderError, useI18n, type Params } from './i18n.js';
import { IssueList } from './IssueList.js';
import { PlanPanel } from './PlanPanel.js';
import { ProgressBlock, progressText } from './Progress.js';
import { EMPTY_SETTINGS, parseSetting, Settings, type SettingsValue } from './Settings.js';
import { invalidSettings } from './settings-problems.js';
import { SheetState, type SheetFacts } from './SheetState.js';

/** The fill preview, loaded when a fill is first asked for: the pane's first load stays small. */
const FillPanel = lazy(() => import('./FillPanel.js').then((m) => ({ default: m.FillPanel })));
import { panelStyle } from './styles.js';
import { TemplatePanel, type TemplateChoice } from './TemplatePanel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '10px',
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px', minWidth: 0 },
  spacer: { flexGrow: 1 },
  more: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '4px',
    ...panelStyle,
  },
  moreItem: { justifyContent: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  settings: panelStyle,
  heading: {
    margin: '0 0 4px',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  focusTarget: {
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    minWidth: 0,
  },
});

interface Detected extends SheetFacts {
  readonly sheet: string;
  readonly layout: LayoutId | null;
  readonly score: number;
}

/** A status line kept as catalogue messages, so it follows the language switch. */
type Status = { readonly intent: 'success' | 'info'; readonly msgs: readonly Msg[] } | null;
type Msg = readonly [MessageKey, Params?];

/** Where focus goes once an action is done: its result. */
type FocusTarget =
  'results' | 'status' | 'fill' | 'all' | 'template' | 'plan' | 'settings' | 'error' | null;

/** The layouts to choose from: the built-in ones, and the user-defined one loaded in the settings. */
function layoutsOf(settings: SettingsValue): readonly LayoutDefinition[] {
  return settings.userLayout ? [...listLayouts(), settings.userLayout] : listLayouts();
}

function validateOptions(layout: string, settings: SettingsValue): ValidateSheetOptions {
  const opts: { -readonly [K in keyof ValidateSheetOptions]: ValidateSheetOptions[K] } = {};
  if (layout) opts.layout = layout;
  if (settings.userLayout) opts.layouts = layoutsOf(settings);
  const tolerance = parseSetting(settings.tolerance);
  const ratio = parseSetting(settings.counterpartRatio);
  const assigned = parseSetting(settings.assignedReduction);
  if (tolerance) opts.tolerance = tolerance;
  if (ratio) opts.counterpartRatio = ratio;
  if (assigned) opts.assignedReduction = assigned;
  return opts;
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The engine and analyst of a workbook: its own (the preview's worker) or one over its reads. */
function useAnalyst(workbook: Workbook): Analyst {
  const engine = useRef<Engine | null>(null);
  const analyst = useMemo(() => {
    if (workbook.analyst) return workbook.analyst;
    engine.current = createEngine(true);
    return gridAnalyst(workbook, engine.current);
  }, [workbook]);
  useEffect(() => () => engine.current?.dispose(), [analyst]);
  return analyst;
}

export function Pane(props: { workbook: Workbook }) {
  const { workbook } = props;
  const i18n = useI18n();
  const { tr, lang } = i18n;
  const statusText = (st: NonNullable<Status>) => st.msgs.map(([k, p]) => tr(k, p)).join(' ');
  const styles = useStyles();
  const announce = useAnnounce();
  const analyst = useAnalyst(workbook);
  const [settings, setSettings] = useState<SettingsValue>(EMPTY_SETTINGS);
  const layouts = layoutsOf(settings);

  const [sheet, setSheet] = useState<string>('');
  const [detected, setDetected] = useState<Detected | null>(null);
  const [forced, setForced] = useState<string>('');
  const [report, setReport] = useState<Report | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [plan, setPlan] = useState<FillPlan | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [formulas, setFormulas] = useState(true);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [planOpen, setPlanOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const [allReports, setAllReports] = useState<readonly Report[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancellable, setCancellable] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [marked, setMarked] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const abortRef = useRef<AbortController | null>(null);
  /** A finished check's summary, said with the status line that follows it. */
  const validated = useRef<string | null>(null);
  const saidStatus = useRef<Status>(null);
  const targets = useRef(new Map<Exclude<FocusTarget, null>, HTMLElement | null>());
  const gearRef = useRef<HTMLButtonElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const ref = (name: Exclude<FocusTarget, null>) => (el: HTMLElement | null) => {
    targets.current.set(name, el);
  };

  /**
   * Run one action: busy flag, progress, a signal the stop button aborts, errors shown as
   * messages (never thrown), then focus on `focus` (the action's result) or on the error.
   */
  const act = useCallback(
    async (
      fn: (signal: AbortSignal) => Promise<void>,
      options: { keepStatus?: boolean; focus?: FocusTarget; cancellable?: boolean } = {},
    ) => {
      const controller = new AbortController();
      abortRef.current = controller;
      // A new action: the last one's result no longer takes focus, should it not have yet.
      setFocusTarget(null);
      setBusy(true);
      setProgress(null);
      setCancellable(options.cancellable ?? false);
      setError(null);
      if (!options.keepStatus) setStatus(null);
      try {
        await fn(controller.signal);
        if (options.focus) setFocusTarget(options.focus);
      } catch (e) {
        if (isAbort(e)) {
          setStatus({ intent: 'info', msgs: [['pane.progress.cancelled']] });
          setFocusTarget('status');
        } else {
          setError(errorMessage(e));
          setFocusTarget('error');
        }
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
        setBusy(false);
        setProgress(null);
      }
    },
    // Stable: the effects that run an action (the active sheet's detection) must not run again
    // when the language changes — the status keeps its messages, not their text.
    [],
  );

  const work = (signal: AbortSignal) => ({ signal, onProgress: setProgress });

  const detect = useCallback(
    async (name: string, signal?: AbortSignal) => {
      const d = await analyst.detect(name, layoutsOf(settingsRef.current), {
        ...(signal ? { signal } : {}),
        onProgress: setProgress,
      });
      setDetected({
        sheet: name,
        layout: (d.layout as LayoutId | null) ?? null,
        score: d.score,
        empty: d.empty,
        guesses: d.guesses,
      });
    },
    [analyst],
  );

  const switchTo = useCallback(
    (name: string) => {
      setSheet(name);
      setReport(null);
      setPlan(null);
      setSelected(null);
      setMarked(workbook.hasMarks(name));
      setCanUndo(workbook.canUndoFill(name));
      void act((signal) => detect(name, signal), { keepStatus: true });
    },
    [act, detect, workbook],
  );

  // The active sheet at start and whenever the user switches sheets.
  useEffect(() => {
    let live = true;
    void act(async (signal) => {
      const name = await workbook.activeSheet();
      if (!live) return;
      setSheet(name);
      // Marks and fills remembered in the workbook (a reopened pane can still clear and undo).
      setMarked(workbook.hasMarks(name));
      setCanUndo(workbook.canUndoFill(name));
      if (name) await detect(name, signal);
    });
    const off = workbook.onActiveSheetChanged?.((name) => live && switchTo(name));
    return () => {
      live = false;
      off?.();
    };
  }, [workbook, act, detect, switchTo]);

  // A layout file loaded (here or in the settings) may be the one this sheet follows: detect again.
  const userLayout = settings.userLayout;
  useEffect(() => {
    if (userLayout && sheet) void act((signal) => detect(sheet, signal), { keepStatus: true });
    // Only when the user layout changes, not on every sheet switch (switchTo detects then).
  }, [userLayout]);

  // Focus the result of the last action once it is on screen.
  useEffect(() => {
    if (!focusTarget || busy) return;
    const el = targets.current.get(focusTarget);
    if (el) {
      el.focus();
      setFocusTarget(null);
    }
  });

  const runValidate = useCallback(
    async (name: string, signal?: AbortSignal) => {
      const w = { ...(signal ? { signal } : {}), onProgress: setProgress };
      const r = await analyst.validate(name, validateOptions(forced, settings), w);
      setProgress({ phase: 'mark' });
      const l = langRef.current;
      const count = await workbook.markCells(
        name,
        r.issues.map((i) => ({
          cell: i.cell,
          severity: i.severity,
          note: tr('pane.marks.note', { message: i.message[l] }),
        })),
      );
      // The results render in slices (a transition), so hundreds of issues never freeze the page.
      startTransition(() => {
        setReport(r);
        setDetected((d) => ({
          sheet: name,
          layout: r.layout,
          score: r.score,
          // A sheet that was checked held something (an empty one cannot be checked).
          empty: d?.sheet === name ? d.empty : false,
          guesses: r.candidates.slice(0, 2).map((c) => ({ id: c.layout, score: c.score })),
        }));
        setMarked(count > 0);
      });
      const notice = workbook.readNotice?.(name);
      if (notice) setStatus({ intent: 'info', msgs: [[notice]] });
      return { report: r, marked: count };
    },
    [analyst, workbook, forced, settings, tr],
  );

  const onValidate = () =>
    act(
      async (signal) => {
        setPlan(null);
        setAllReports(null);
        setMoreOpen(false);
        const { marked: n, report: r } = await runValidate(sheet, signal);
        const notice = workbook.readNotice?.(sheet);
        const msgs: Msg[] = [
          ...(n > 0 ? [['pane.issues.marked', { count: n }] as const] : []),
          ...(notice ? [[notice] as const] : []),
        ];
        if (msgs.length > 0) setStatus({ intent: 'info', msgs });
        validated.current = tr('pane.announce.validated', {
          sheet,
          summary: tr('pane.issues.summary', {
            errors: r.summary.errors,
            warnings: r.summary.warnings,
            infos: r.summary.infos,
          }),
        });
      },
      { focus: 'results', cancellable: true },
    );

  const onSelectIssue = (issue: Issue) =>
    act(
      async () => {
        setSelected(issue.cell);
        await workbook.selectCell(sheet, issue.cell);
      },
      { keepStatus: true },
    );

  const onClearMarks = () =>
    act(
      async () => {
        setMoreOpen(false);
        const n = await workbook.clearMarks(sheet);
        setMarked(false);
        setStatus({
          intent: n > 0 ? 'success' : 'info',
          msgs: [[n > 0 ? 'pane.marks.cleared' : 'pane.marks.none']],
        });
      },
      { focus: 'status' },
    );

  const onFill = () =>
    act(
      async (signal) => {
        setAllReports(null);
        setTemplateOpen(false);
        setMoreOpen(false);
        // Fetched here, inside the action: a failed load is an error message, not a blank pane.
        await import('./FillPanel.js');
        const plan = await analyst.fill(
          sheet,
          { ...(forced ? { layout: forced } : {}), layouts: layoutsOf(settings), mode: 'formula' },
          validateOptions(forced, settings),
          work(signal),
        );
        setPlan(plan);
        setOverwrite(false);
      },
      { focus: 'fill', cancellable: true },
    );

  /** Write exactly the cells, formulas and values the preview lists (it hands them over). */
  const onConfirmFill = (writes: readonly CellWrite[], mode: 'formula' | 'value') =>
    act(
      async (signal) => {
        if (!plan) return;
        setProgress({ phase: 'write' });
        const n = await workbook.applyWrites(sheet, writes, mode);
        const undoKept = workbook.canUndoFill(sheet);
        setCanUndo(undoKept);
        setPlan(null);
        if (report) await runValidate(sheet, signal);
        const kept = workbook.excelUndoKept?.();
        const notKept = n > 0 && !undoKept;
        setStatus({
          intent: notKept ? 'info' : 'success',
          msgs: [
            ['pane.fill.done', { count: n }],
            ...(notKept ? [['pane.fill.undoNotKept'] as const] : []),
            ...(kept === undefined
              ? []
              : [[kept ? 'pane.fill.excelUndoKept' : 'pane.fill.excelUndoLost'] as const]),
          ],
        });
      },
      { focus: 'status' },
    );

  const onUndoFill = () =>
    act(
      async (signal) => {
        setPlan(null);
        setMoreOpen(false);
        const n = await workbook.undoFill(sheet);
        const changed = workbook.undoChanged?.(sheet) ?? [];
        setCanUndo(workbook.canUndoFill(sheet));
        if (report) await runValidate(sheet, signal);
        const shown = changed.slice(0, 12).join(', ') + (changed.length > 12 ? ', …' : '');
        setStatus({
          intent: changed.length > 0 ? 'info' : 'success',
          msgs: [
            ['pane.fill.undone', { count: n }],
            ...(changed.length > 0
              ? [['pane.fill.undoneChanged', { count: changed.length, cells: shown }] as const]
              : []),
          ],
        });
      },
      { focus: 'status' },
    );

  const onCreateTemplate = (choice: TemplateChoice) =>
    act(
      async () => {
        const template = buildTemplate(choice.layout, {
          unit: choice.unit,
          rows: choice.rows,
          year: new Date().getFullYear(),
        });
        const name = await workbook.addTemplateSheet(template, choice.name);
        setTemplateOpen(false);
        setStatus({ intent: 'success', msgs: [['pane.template.done', { sheet: name }]] });
        switchTo(name);
      },
      { focus: 'status' },
    );

  const onValidateAll = () =>
    act(
      async (signal) => {
        setPlan(null);
        setTemplateOpen(false);
        setMoreOpen(false);
        setAllReports(await analyst.validateAll(validateOptions('', settings), work(signal)));
        const hidden = workbook.hiddenSheets?.() ?? [];
        if (hidden.length > 0)
          setStatus({
            intent: 'info',
            msgs: [['pane.all.hidden', { count: hidden.length, sheets: hidden.join(', ') }]],
          });
      },
      { focus: 'all', cancellable: true },
    );

  const onOpenSheet = (name: string) =>
    act(
      async (signal) => {
        await workbook.activateSheet(name);
        setSheet(name);
        setSelected(null);
        setAllReports(null);
        await runValidate(name, signal);
      },
      { focus: 'results', cancellable: true },
    );

  // Tell screen readers what is going on: the step while busy, then the outcome (a check's
  // summary first, then the status line), errors at once.
  // Only the long actions a user started (the ones that can be stopped) are said while busy: the
  // layout detection after a file opens or a sheet changes stays quiet.
  const busyText = busy && cancellable ? progressText(tr, progress) : '';
  useEffect(() => {
    if (busyText) {
      announce({ status: busyText });
      return;
    }
    // Each status line is said once, with the summary of the check that led to it.
    const fresh = status !== saidStatus.current;
    saidStatus.current = status;
    const said = [validated.current, fresh && status ? statusText(status) : null]
      .filter(Boolean)
      .join(' ');
    validated.current = null;
    if (said) announce({ status: said });
  }, [busyText, status, report, announce]);
  useEffect(() => {
    if (error) announce({ alert: renderError(i18n, error) });
  }, [error, announce, i18n]);

  // A stable handler, so the memoised issue list does not render again with the pane.
  const onSelectIssueRef = useRef(onSelectIssue);
  onSelectIssueRef.current = onSelectIssue;
  const selectIssue = useCallback((issue: Issue) => void onSelectIssueRef.current(issue), []);

  const layoutTitle = (id: string | null) =>
    id ? (layouts.find((l) => l.id === id)?.title[lang] ?? id) : '';
  const forcedLabel = forced ? layoutTitle(forced) : tr('pane.layout.auto');
  const facts = detected && detected.sheet === sheet ? detected : null;
  // An empty sheet has nothing to check, fill or compare; settings that are not numbers block
  // the checks they feed.
  const empty = facts?.empty === true;
  const invalid = invalidSettings(settings);
  const openPanel = (which: 'template' | 'plan') => {
    setMoreOpen(false);
    setPlan(null);
    setAllReports(null);
    if (which === 'template') {
      setTemplateOpen(true);
      setPlanOpen(false);
    } else {
      setPlanOpen(true);
      setTemplateOpen(false);
    }
    setFocusTarget(which);
  };
  const toggleSettings = () => {
    const open = !settingsOpen;
    setSettingsOpen(open);
    if (open) setFocusTarget('settings');
  };

  return (
    <div className={styles.root}>
      <section className={styles.card} aria-label={tr('pane.layout.label')}>
        <Text size={200} className={styles.muted} data-testid="sheet-name">
          {tr('pane.sheet.active', { sheet })}
        </Text>
        <Text
          className={styles.wrap}
          data-testid="detected-layout"
          data-layout={detected?.layout ?? ''}
        >
          {detected && detected.sheet === sheet
            ? detected.layout
              ? tr('pane.layout.detected', {
                  layout: layoutTitle(detected.layout),
                  score: percent(detected.score),
                })
              : tr('pane.layout.none')
            : '\u00a0'}
        </Text>
        <Field label={tr('pane.layout.force')} size="small">
          <Dropdown
            size="small"
            value={forcedLabel}
            selectedOptions={[forced || 'auto']}
            style={{ minWidth: 0, maxWidth: '100%' }}
            onOptionSelect={(_e, d) =>
              setForced(d.optionValue === 'auto' ? '' : (d.optionValue ?? ''))
            }
          >
            <Option value="auto">{tr('pane.layout.auto')}</Option>
            {layouts.map((l) => (
              <Option key={l.id} value={l.id}>
                {l.title[lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </section>

      <SheetState
        facts={facts && forced ? { ...facts, layout: forced } : facts}
        layouts={layouts}
        invalid={invalid}
        settings={settings}
        onSettings={setSettings}
      />

      <div className={styles.bar} role="toolbar" aria-label={tr('pane.commands.label')}>
        <Button
          appearance="primary"
          onClick={() => void onValidate()}
          disabled={busy || !sheet || empty || invalid.length > 0}
        >
          {tr('pane.action.validate')}
        </Button>
        <Button onClick={() => void onFill()} disabled={busy || !sheet || empty}>
          {tr('pane.action.fill')}
        </Button>
        <Button
          ref={moreRef}
          aria-expanded={moreOpen}
          aria-controls="phuluc-more"
          onClick={() => setMoreOpen(!moreOpen)}
          data-testid="more"
        >
          {tr('pane.commands.more')}
        </Button>
        <span className={styles.spacer} />
        <Button
          ref={gearRef}
          appearance="subtle"
          icon={<GearIcon />}
          aria-expanded={settingsOpen}
          aria-controls="phuluc-settings"
          onClick={toggleSettings}
          title={tr('pane.settings.open')}
          data-testid="settings"
        >
          {tr('pane.settings.open')}
        </Button>
      </div>

      {moreOpen && (
        <div
          id="phuluc-more"
          className={styles.more}
          role="group"
          aria-label={tr('pane.commands.moreLabel')}
          onKeyDown={(e) => {
            // Escape closes "Thêm" and gives focus back to its button.
            if (e.key !== 'Escape') return;
            setMoreOpen(false);
            moreRef.current?.focus();
          }}
        >
          <Button
            className={styles.moreItem}
            appearance="subtle"
            onClick={() => void onClearMarks()}
            disabled={busy || !sheet || !marked}
          >
            {tr('pane.action.clearMarks')}
          </Button>
          {canUndo && (
            <Button
              className={styles.moreItem}
              appearance="subtle"
              onClick={() => void onUndoFill()}
              disabled={busy || !sheet}
              title={tr('pane.fill.undoScope')}
            >
              {tr('pane.action.undoFill')}
            </Button>
          )}
          <Button
            className={styles.moreItem}
            appearance="subtle"
            onClick={() => openPanel('template')}
            disabled={busy}
          >
            {tr('pane.action.template')}
          </Button>
          <Button
            className={styles.moreItem}
            appearance="subtle"
            onClick={() => void onValidateAll()}
            disabled={busy || invalid.length > 0}
          >
            {tr('pane.action.validateAll')}
          </Button>
          <Button
            className={styles.moreItem}
            appearance="subtle"
            onClick={() => openPanel('plan')}
            disabled={busy || !sheet || empty}
          >
            {tr('pane.action.plan')}
          </Button>
        </div>
      )}

      {settingsOpen && (
        <section
          id="phuluc-settings"
          className={styles.settings}
          aria-labelledby="phuluc-settings-h"
          data-panel="settings"
          onKeyDown={(e) => {
            // Escape closes the settings and gives focus back to the gear.
            if (e.key !== 'Escape' || e.defaultPrevented) return;
            setSettingsOpen(false);
            gearRef.current?.focus();
          }}
        >
          <h2
            id="phuluc-settings-h"
            className={mergeClasses(styles.heading, styles.focusTarget)}
            tabIndex={-1}
            ref={ref('settings')}
          >
            {tr('pane.settings.title')}
          </h2>
          <Settings value={settings} onChange={setSettings} />
          <div>
            <Button
              onClick={() => {
                setSettingsOpen(false);
                gearRef.current?.focus();
              }}
            >
              {tr('pane.action.close')}
            </Button>
          </div>
        </section>
      )}

      {busy && (
        <ProgressBlock
          progress={progress}
          {...(cancellable ? { onCancel: () => abortRef.current?.abort() } : {})}
        />
      )}
      {error && (
        <MessageBar
          intent="error"
          data-testid="error"
          tabIndex={-1}
          ref={ref('error')}
          className={styles.focusTarget}
        >
          <MessageBarBody>
            <MessageBarTitle>{tr('pane.error.title')}</MessageBarTitle>
            {renderError(i18n, error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar
          intent={status.intent}
          data-testid="status"
          tabIndex={-1}
          ref={ref('status')}
          className={styles.focusTarget}
        >
          <MessageBarBody className={styles.wrap}>{statusText(status)}</MessageBarBody>
        </MessageBar>
      )}

      {plan && (
        <div tabIndex={-1} ref={ref('fill')} className={styles.focusTarget}>
          <Suspense fallback={null}>
            <FillPanel
              plan={plan}
              overwrite={overwrite}
              formulas={formulas}
              busy={busy}
              onOverwrite={setOverwrite}
              onFormulas={setFormulas}
              onConfirm={(writes, mode) => void onConfirmFill(writes, mode)}
              onCancel={() => setPlan(null)}
            />
          </Suspense>
        </div>
      )}
      {templateOpen && (
        <div tabIndex={-1} ref={ref('template')} className={styles.focusTarget}>
          <TemplatePanel
            busy={busy}
            onCreate={(c) => void onCreateTemplate(c)}
            onCancel={() => setTemplateOpen(false)}
          />
        </div>
      )}
      {allReports && (
        <div tabIndex={-1} ref={ref('all')} className={styles.focusTarget}>
          <AllSheets reports={allReports} onOpen={(n) => void onOpenSheet(n)} />
        </div>
      )}
      {planOpen && (
        <div tabIndex={-1} ref={ref('plan')} className={styles.focusTarget}>
          <PlanPanel
            workbook={workbook}
            sheet={sheet}
            onSelectCell={(cell) =>
              void act(
                async () => {
                  setSelected(cell);
                  await workbook.selectCell(sheet, cell);
                },
                { keepStatus: true },
              )
            }
            onClose={() => {
              setPlanOpen(false);
              moreRef.current?.focus();
            }}
          />
        </div>
      )}

      {report && report.sheet === sheet && (
        <section aria-labelledby="phuluc-results-h" data-panel="issues" className={styles.wrap}>
          <h2
            id="phuluc-results-h"
            className={mergeClasses(styles.heading, styles.focusTarget)}
            tabIndex={-1}
            ref={ref('results')}
          >
            {tr('pane.issues.title')}
          </h2>
          <IssueList report={report} selected={selected} onSelect={selectIssue} />
        </section>
      )}
    </div>
  );
}
