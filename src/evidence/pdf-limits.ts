// A PDF's limits, apart from the code that reads PDFs (pdf-metadata.ts): that code and pdf-lib
// are loaded only when a PDF arrives, and the forms that state the limit need only the number.

/** The most pages a PDF may have. */
export const MAX_PDF_PAGES = 300;
