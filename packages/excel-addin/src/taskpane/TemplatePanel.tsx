/** Choose a layout, a unit and a number of rows; a new sheet is built from buildTemplate. */
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { listLayouts, type LayoutId } from '@phuluc/rules';
import { useI18n } from './i18n.js';
import { panelStyle } from './styles.js';

const useStyles = makeStyles({
  panel: panelStyle,
  actions: { display: 'flex', gap: '8px' },
});

export interface TemplateChoice {
  readonly layout: LayoutId;
  readonly unit: 'trieu' | 'dong';
  readonly rows: number;
  readonly name: string;
}

export function TemplatePanel(props: {
  busy: boolean;
  onCreate: (choice: TemplateChoice) => void;
  onCancel: () => void;
}) {
  const { tr, lang } = useI18n();
  const styles = useStyles();
  const layouts = listLayouts();
  const [layout, setLayout] = useState<LayoutId>(
    (layouts[0]?.id ?? 'budget-allocation') as LayoutId,
  );
  const [unit, setUnit] = useState<'trieu' | 'dong'>('trieu');
  const [rows, setRows] = useState('10');
  const [name, setName] = useState(() => tr('pane.template.defaultName'));
  const title = layouts.find((l) => l.id === layout)?.title[lang] ?? layout;
  const rowCount = Number(rows);
  const rowsValid = Number.isInteger(rowCount) && rowCount >= 1 && rowCount <= 500;
  return (
    <section className={styles.panel} aria-label={tr('pane.template.title')} data-panel="template">
      <Text weight="semibold">{tr('pane.template.title')}</Text>
      <Field label={tr('pane.template.layout')}>
        <Dropdown
          value={title}
          selectedOptions={[layout]}
          onOptionSelect={(_e, d) => d.optionValue && setLayout(d.optionValue as LayoutId)}
        >
          {layouts.map((l) => (
            <Option key={l.id} value={l.id}>
              {l.title[lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={tr('pane.template.unit')}>
        <RadioGroup
          value={unit}
          onChange={(_e, d) => setUnit(d.value as 'trieu' | 'dong')}
          layout="horizontal"
        >
          <Radio value="trieu" label={tr('pane.template.unitTrieu')} />
          <Radio value="dong" label={tr('pane.template.unitDong')} />
        </RadioGroup>
      </Field>
      <Field
        label={tr('pane.template.rows')}
        validationMessage={rowsValid ? undefined : tr('pane.template.rowsRange')}
      >
        <Input
          type="number"
          min={1}
          max={500}
          value={rows}
          onChange={(_e, d) => setRows(d.value)}
        />
      </Field>
      <Field label={tr('pane.template.sheetName')}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={props.busy || !rowsValid || name.trim() === ''}
          onClick={() => props.onCreate({ layout, unit, rows: rowCount, name: name.trim() })}
        >
          {tr('pane.template.create')}
        </Button>
        <Button onClick={props.onCancel}>{tr('pane.action.cancel')}</Button>
      </div>
    </section>
  );
}
