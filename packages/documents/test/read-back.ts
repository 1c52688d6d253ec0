/** Real parsers reading back what Pantau writes: pdf-parse (pdf.js) and mailparser. */
import { simpleParser } from 'mailparser';
import { PDFParse } from 'pdf-parse';

/** The text of every page of a PDF, whitespace collapsed (lines wrap where layout put them). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

export async function pdfPages(bytes: Uint8Array): Promise<number> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

export const parseEml = (raw: Buffer | string) => simpleParser(raw);
