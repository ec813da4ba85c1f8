/**
 * The task pane's body: layout detection, the five actions, issues, fill preview, templates,
 * all-sheets summary and settings. It talks only to a {@link Workbook}, so the same pane drives
 * Excel (Office adapter) and the browser preview (ExcelJS).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import {
  buildTemplate,
  detectLayout,
  fillSheet,
  isEmptyCell,
  listLayouts,
  validateSheet,
  type Grid,
  type Issue,
  type LayoutDefinition,
  type LayoutId,
  type MessageKey,
  type CellWrite,
  type ValidateSheetOptions,
  type Report,
} from '@phuluc/rules';
import { errorMessage, type ErrorMessage } from '../office/errors.js';
import type { Workbook } from '../workbook/types.js';
import { AllSheets } from './AllSheets.js';
import type { FillPlan } from './FillPanel.js';
import { renderError, useI18n, type Params } from './i18n.js';
import { IssueList } from './IssueList.js';
import { PlanPanel } from './PlanPanel.js';
import { EMPTY_SETTINGS, parseSetting, Settings, type SettingsValue } from './Settings.js';
import { TemplatePanel, type TemplateChoice } from './TemplatePanel.js';
import { invalidSettings } from './settings-problems.js';
import { SheetState, type SheetFacts } from './SheetState.js';

/** The fill preview, loaded when a fill is first asked for: the pane's first load stays small. */
const FillPanel = lazy(() => import('./FillPanel.js').then((m) => ({ default: m.FillPanel })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '10px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  muted: { color: tokens.colorNeutralForeground3 },
  busy: { display: 'flex', alignItems: 'center', gap: '8px' },
});

interface Detected extends SheetFacts {
  readonly sheet: string;
  readonly layout: LayoutId | null;
  readonly score: number;
}

/** Whether no cell of the grid holds anything. */
function isEmptyGrid(grid: Grid): boolean {
  return grid.cells.every((row) => !row || row.every((c) => !c || isEmptyCell(c)));
}

/** A status line kept as catalogue messages, so it follows the language switch. */
type Status = { readonly intent: 'success' | 'info'; readonly msgs: readonly Msg[] } | null;
type Msg = readonly [MessageKey, Params?];

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

export function Pane(props: { workbook: Workbook }) {
  const { workbook } = props;
  const i18n = useI18n();
  const { tr, lang } = i18n;
  const styles = useStyles();
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
  const [allReports, setAllReports] = useState<readonly Report[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [marked, setMarked] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const langRef = useRef(lang);
  langRef.current = lang;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  /** Run one action: busy flag, errors shown as messages, never thrown. */
  const act = useCallback(
    async (fn: () => Promise<void>, options: { keepStatus?: boolean } = {}) => {
      setBusy(true);
      setError(null);
      if (!options.keepStatus) setStatus(null);
      try {
        await fn();
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const detect = useCallback(
    async (name: string) => {
      const grid = await workbook.readSheet(name);
      const d = detectLayout(grid, { layouts: layoutsOf(settingsRef.current) });
      setDetected({
        sheet: name,
        layout: (d.fit?.layout.id as LayoutId | undefined) ?? null,
        score: d.fit?.score ?? 0,
        empty: isEmptyGrid(grid),
        guesses: d.candidates.slice(0, 2).map((c) => ({ id: c.layout.id, score: c.score })),
      });
    },
    [workbook],
  );

  const switchTo = useCallback(
    (name: string) => {
      setSheet(name);
      setReport(null);
      setPlan(null);
      setSelected(null);
      setMarked(workbook.hasMarks(name));
      setCanUndo(workbook.canUndoFill(name));
      void act(() => detect(name), { keepStatus: true });
    },
    [act, detect, workbook],
  );

  // The active sheet at start and whenever the user switches sheets.
  useEffect(() => {
    let live = true;
    void act(async () => {
      const name = await workbook.activeSheet();
      if (!live) return;
      setSheet(name);
      // Marks and fills remembered in the workbook (a reopened pane can still clear and undo).
      setMarked(workbook.hasMarks(name));
      setCanUndo(workbook.canUndoFill(name));
      if (name) await detect(name);
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
    if (userLayout && sheet) void act(() => detect(sheet), { keepStatus: true });
    // Only when the user layout changes, not on every sheet switch (switchTo detects then).
  }, [userLayout]);

  const runValidate = useCallback(
    async (name: string, grid?: Grid) => {
      const g = grid ?? (await workbook.readSheet(name));
      const r = validateSheet(g, validateOptions(forced, settings));
      setReport(r);
      setDetected({
        sheet: name,
        layout: r.layout,
        score: r.score,
        empty: isEmptyGrid(g),
        guesses: r.candidates.slice(0, 2).map((c) => ({ id: c.layout, score: c.score })),
      });
      const l = langRef.current;
      const count = await workbook.markCells(
        name,
        r.issues.map((i) => ({
          cell: i.cell,
          severity: i.severity,
          note: tr('pane.marks.note', { message: i.message[l] }),
        })),
      );
      setMarked(count > 0);
      const notice = workbook.readNotice?.(name);
      if (notice) setStatus({ intent: 'info', msgs: [[notice]] });
      return { report: r, marked: count };
    },
    [workbook, forced, settings, tr],
  );

  const onValidate = () =>
    act(async () => {
      setPlan(null);
      setAllReports(null);
      const { marked: n } = await runValidate(sheet);
      const notice = workbook.readNotice?.(sheet);
      const msgs: Msg[] = [
        ...(n > 0 ? [['pane.issues.marked', { count: n }] as const] : []),
        ...(notice ? [[notice] as const] : []),
      ];
      if (msgs.length > 0) setStatus({ intent: 'info', msgs });
    });

  const onSelectIssue = (issue: Issue) =>
    act(async () => {
      setSelected(issue.cell);
      await workbook.selectCell(sheet, issue.cell);
    });

  const onClearMarks = () =>
    act(async () => {
      const n = await workbook.clearMarks(sheet);
      setMarked(false);
      setStatus({
        intent: n > 0 ? 'success' : 'info',
        msgs: [[n > 0 ? 'pane.marks.cleared' : 'pane.marks.none']],
      });
    });

  const onFill = () =>
    act(async () => {
      setAllReports(null);
      setTemplateOpen(false);
      // Fetched here, inside the action: a failed load is an error message, not a blank pane.
      await import('./FillPanel.js');
      const grid = await workbook.readSheet(sheet);
      const base = {
        ...(forced ? { layout: forced } : {}),
        layouts: layoutsOf(settings),
        mode: 'formula' as const,
      };
      setPlan({
        grid,
        plain: fillSheet(grid, base),
        overwrite: fillSheet(grid, { ...base, overwrite: true }),
        issues: validateSheet(grid, validateOptions(forced, settings)).issues,
      });
      setOverwrite(false);
    });

  /** Write exactly the cells, formulas and values the preview lists (it hands them over). */
  const onConfirmFill = (writes: readonly CellWrite[], mode: 'formula' | 'value') =>
    act(async () => {
      if (!plan) return;
      const n = await workbook.applyWrites(sheet, writes, mode);
      const undoKept = workbook.canUndoFill(sheet);
      setCanUndo(undoKept);
      setPlan(null);
      if (report) await runValidate(sheet);
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
    });

  const onUndoFill = () =>
    act(async () => {
      setPlan(null);
      const n = await workbook.undoFill(sheet);
      const changed = workbook.undoChanged?.(sheet) ?? [];
      setCanUndo(workbook.canUndoFill(sheet));
      if (report) await runValidate(sheet);
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
    });

  const onCreateTemplate = (choice: TemplateChoice) =>
    act(async () => {
      const template = buildTemplate(choice.layout, {
        unit: choice.unit,
        rows: choice.rows,
        year: new Date().getFullYear(),
      });
      const name = await workbook.addTemplateSheet(template, choice.name);
      setTemplateOpen(false);
      setStatus({ intent: 'success', msgs: [['pane.template.done', { sheet: name }]] });
      switchTo(name);
    });

  const onValidateAll = () =>
    act(async () => {
      setPlan(null);
      setTemplateOpen(false);
      const grids = await workbook.readAllSheets();
      const opts = validateOptions('', settings);
      setAllReports(grids.map((g) => validateSheet(g, opts)));
      const hidden = workbook.hiddenSheets?.() ?? [];
      if (hidden.length > 0)
        setStatus({
          intent: 'info',
          msgs: [['pane.all.hidden', { count: hidden.length, sheets: hidden.join(', ') }]],
        });
    });

  const onOpenSheet = (name: string) =>
    act(async () => {
      await workbook.activateSheet(name);
      setSheet(name);
      setSelected(null);
      setAllReports(null);
      await runValidate(name);
    });

  const layoutTitle = (id: string | null) =>
    id ? (layouts.find((l) => l.id === id)?.title[lang] ?? id) : '';
  const forcedLabel = forced ? layoutTitle(forced) : tr('pane.layout.auto');
  const facts = detected && detected.sheet === sheet ? detected : null;
  // An empty sheet has nothing to check, fill or compare; settings that are not numbers block
  // the checks they feed.
  const empty = facts?.empty === true;
  const invalid = invalidSettings(settings);

  return (
    <div className={styles.root}>
      <section className={styles.card} aria-label={tr('pane.layout.label')}>
        <Text size={200} className={styles.muted} data-testid="sheet-name">
          {tr('pane.sheet.active', { sheet })}
        </Text>
        <Text data-testid="detected-layout" data-layout={detected?.layout ?? ''}>
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

      <div className={styles.actions} role="toolbar">
        <Button
          appearance="primary"
          onClick={onValidate}
          disabled={busy || !sheet || empty || invalid.length > 0}
        >
          {tr('pane.action.validate')}
        </Button>
        <Button onClick={onClearMarks} disabled={busy || !sheet || !marked}>
          {tr('pane.action.clearMarks')}
        </Button>
        <Button onClick={onFill} disabled={busy || !sheet || empty}>
          {tr('pane.action.fill')}
        </Button>
        {canUndo && (
          <Button onClick={onUndoFill} disabled={busy || !sheet} title={tr('pane.fill.undoScope')}>
            {tr('pane.action.undoFill')}
          </Button>
        )}
        <Button
          onClick={() => (setTemplateOpen(true), setPlan(null), setAllReports(null))}
          disabled={busy}
        >
          {tr('pane.action.template')}
        </Button>
        <Button onClick={onValidateAll} disabled={busy || invalid.length > 0}>
          {tr('pane.action.validateAll')}
        </Button>
        <Button
          onClick={() => (
            setPlanOpen(true),
            setPlan(null),
            setTemplateOpen(false),
            setAllReports(null)
          )}
          disabled={busy || !sheet || empty}
        >
          {tr('pane.action.plan')}
        </Button>
      </div>

      {busy && (
        <div className={styles.busy}>
          <Spinner size="tiny" />
          <Text>{tr('pane.busy')}</Text>
        </div>
      )}
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{tr('pane.error.title')}</MessageBarTitle>
            {renderError(i18n, error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent={status.intent} data-testid="status">
          <MessageBarBody>
            {status.msgs.map(([key, params]) => tr(key, params)).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}

      {plan && (
        <Suspense fallback={null}>
          <FillPanel
            plan={plan}
            overwrite={overwrite}
            formulas={formulas}
            busy={busy}
            onOverwrite={setOverwrite}
            onFormulas={setFormulas}
            onConfirm={onConfirmFill}
            onCancel={() => setPlan(null)}
          />
        </Suspense>
      )}
      {templateOpen && (
        <TemplatePanel
          busy={busy}
          onCreate={onCreateTemplate}
          onCancel={() => setTemplateOpen(false)}
        />
      )}
      {allReports && <AllSheets reports={allReports} onOpen={onOpenSheet} />}
      {planOpen && (
        <PlanPanel
          workbook={workbook}
          sheet={sheet}
          onSelectCell={(cell) =>
            void act(async () => {
              setSelected(cell);
              await workbook.selectCell(sheet, cell);
            })
          }
          onClose={() => setPlanOpen(false)}
        />
      )}

      {report && report.sheet === sheet && (
        <section aria-label={tr('pane.issues.title')} data-panel="issues">
          <Text as="h2" weight="semibold" size={400} block style={{ margin: '0 0 4px' }}>
            {tr('pane.issues.title')}
          </Text>
          <IssueList report={report} selected={selected} onSelect={onSelectIssue} />
        </section>
      )}

      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader size="small">{tr('pane.settings.title')}</AccordionHeader>
          <AccordionPanel>
            <Settings value={settings} onChange={setSettings} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
