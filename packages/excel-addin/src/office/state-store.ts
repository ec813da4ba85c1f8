/**
 * The add-in's state in the workbook: one custom XML part (ExcelApi 1.5) in the namespace
 * {@link STATE_NAMESPACE}, read when the pane starts and rewritten after each change. Saved with
 * the workbook like its cells, so a reopened pane finds the marks and fills it left.
 */
import type { XlContext } from './excel-api.js';
import { STATE_NAMESPACE, stateFromXml, stateToXml, type AddinState } from './state.js';

/** Reads and writes the state part. One instance per pane. */
export class StateStore {
  private exists = false;
  private loaded = false;
  state: AddinState = {};

  /** Whether {@link load} has run. */
  get ready(): boolean {
    return this.loaded;
  }

  /** Read the part, once: one sync when there is none, two when there is. */
  async load(context: XlContext): Promise<AddinState> {
    if (this.loaded) return this.state;
    const part = context.workbook.customXmlParts
      .getByNamespace(STATE_NAMESPACE)
      .getOnlyItemOrNullObject();
    part.load('isNullObject,id');
    await context.sync();
    if (!part.isNullObject) {
      const xml = part.getXml();
      await context.sync();
      this.state = stateFromXml(xml.value);
      this.exists = true;
    }
    this.loaded = true;
    return this.state;
  }

  /** Write `state` into the part (added, replaced, or deleted when empty): one sync. */
  async save(context: XlContext, state: AddinState): Promise<void> {
    const empty = Object.keys(state).length === 0;
    const parts = context.workbook.customXmlParts;
    if (this.exists) {
      const part = parts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
      if (empty) part.delete();
      else part.setXml(stateToXml(state));
    } else if (!empty) {
      parts.add(stateToXml(state));
    } else {
      this.state = state;
      return;
    }
    await context.sync();
    this.exists = !empty;
    this.state = state;
  }
}
