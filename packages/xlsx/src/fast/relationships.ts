/** A relationships part (`…/_rels/*.rels`): the target of each relationship id. */
import { malformed, Token, XmlReader } from './xml.js';

/**
 * The `Target` of each `<Relationship Id>` (the last one of an id wins; `undefined` for a
 * relationship without a target). Throws `corrupt-zip`, as ExcelJS, on anything but
 * `<Relationships>` and its `<Relationship>` elements.
 *
 * @example
 * parseRelationships(zip.text('xl/_rels/workbook.xml.rels')!, 'xl/_rels/workbook.xml.rels');
 */
export function parseRelationships(xml: string, part: string): Map<string, string | undefined> {
  const targets = new Map<string, string | undefined>();
  const x = new XmlReader(xml, part);
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open || x.depth > 2) continue;
    if (x.depth === 1 ? !x.is('Relationships') : !x.is('Relationship')) {
      throw malformed(part, `unexpected <${x.name()}>`);
    }
    const id = x.attr('Id');
    if (x.depth === 2 && id !== undefined) targets.set(id, x.attr('Target'));
  }
  return targets;
}
