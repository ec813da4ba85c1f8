/**
 * The text of a plan file picked in the browser preview: a Word .docx (through mammoth's browser
 * build, loaded with a dynamic import only when a .docx is opened) or a plain-text file.
 */
import { PaneError } from '../office/errors.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

type Mammoth = { extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }> };

async function docxText(bytes: ArrayBuffer, name: string): Promise<string> {
  try {
    const m: { default?: Mammoth } & Partial<Mammoth> = await import('mammoth/mammoth.browser');
    // A UMD bundle: the API is the default export or the module itself, depending on the bundler.
    const mammoth = m.extractRawText ? (m as Mammoth) : m.default;
    if (!mammoth) throw new Error('mammoth');
    return (await mammoth.extractRawText({ arrayBuffer: bytes })).value;
  } catch {
    throw new PaneError('pane.plan.error.docx', { name });
  }
}

/** A file's bytes (`Blob.arrayBuffer`, or FileReader where a host lacks it). */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Read a picked file's text: .docx through mammoth, anything else as UTF-8 text. */
export async function readPlanFile(file: File): Promise<string> {
  const bytes = await bytesOf(file);
  const head = new Uint8Array(bytes.slice(0, 4));
  const zip = ZIP.every((b, i) => head[i] === b);
  if (zip || /\.docx$/i.test(file.name)) return docxText(bytes, file.name);
  if (/\.(doc|pdf)$/i.test(file.name))
    throw new PaneError('pane.plan.error.format', { name: file.name });
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\u0000')) throw new PaneError('pane.plan.error.format', { name: file.name });
  return text;
}
