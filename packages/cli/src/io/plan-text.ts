import { CliError } from '../errors.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The raw text of a .docx, through mammoth (loaded only when a .docx is read). */
async function docxText(bytes: Uint8Array, file: string): Promise<string> {
  try {
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    throw new CliError('cli.plan.error.docx', { file });
  }
}

/** Plain text in UTF-8 (with or without BOM) or UTF-16 with a BOM. */
function plainText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError('cli.plan.error.not-text', { file });
  }
  if (text.includes('\u0000')) throw new CliError('cli.plan.error.not-text', { file });
  return text;
}

/**
 * The text of a plan file: a Word .docx (read with mammoth) or plain text (UTF-8 or UTF-16).
 * An old .doc, a PDF, a binary file or an empty text is a {@link CliError} (exit status 2).
 */
export async function readPlanText(bytes: Uint8Array, file: string): Promise<string> {
  if (bytes.length === 0) throw new CliError('cli.plan.error.empty', { file });
  let text: string;
  if (startsWith(bytes, ZIP)) text = await docxText(bytes, file);
  else if (startsWith(bytes, OLE2)) throw new CliError('cli.plan.error.doc', { file });
  else if (startsWith(bytes, PDF)) throw new CliError('cli.plan.error.pdf', { file });
  else text = plainText(bytes, file);
  if (text.trim() === '') throw new CliError('cli.plan.error.empty', { file });
  return text;
}
