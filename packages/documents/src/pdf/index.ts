/** The PDF renderer: imported lazily, only where letters are rendered (not at the API's cold start). */
export { pdfFileName, renderLetterFile, renderLetterPdf } from './render.ts';
export { wrap } from './page.ts';
export { FONT_FILES, loadFonts, packageFontDir } from './fonts.ts';
