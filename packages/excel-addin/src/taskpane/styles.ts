import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** The framed box of a side panel (fill preview, template, plan cross-check). */
export const panelStyle: GriffelStyle = {
  border: `1px solid ${tokens.colorNeutralStroke1}`,
  borderRadius: tokens.borderRadiusMedium,
  padding: '10px',
  display: 'flex',
  flexDirection: 'column',
  gap: '8px',
  backgroundColor: tokens.colorNeutralBackground2,
};

/** A list of issues: no bullets, one issue under another. */
export const issueListStyle: GriffelStyle = {
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: '4px',
};

/** One issue in a list: a row with the cell, a left border coloured by severity. */
export const issueRowStyle: GriffelStyle = {
  display: 'flex',
  gap: '8px',
  width: '100%',
  textAlign: 'left',
  padding: '6px 8px',
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  borderLeftWidth: '4px',
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  fontFamily: 'inherit',
  fontSize: tokens.fontSizeBase200,
  lineHeight: tokens.lineHeightBase200,
  color: tokens.colorNeutralForeground1,
};

/** Text for screen readers only: in the page, not on screen. */
export const srOnlyStyle: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
