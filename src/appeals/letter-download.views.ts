// The letter as a PDF download: a view of it, as the print page is.
import type { FastifyReply } from 'fastify';
import type { LetterToPrint } from './appeals-print.service.ts';
import { letterLabels } from './letter-labels.views.ts';

/** A letter as a PDF download, its labels in Russian as its text is (also for collective appeals). */
export const sendLetterPdf = async (
  reply: FastifyReply,
  letter: LetterToPrint,
  filename: string,
): Promise<FastifyReply> => {
  // pdf-lib, fontkit and the fonts are loaded on the first letter printed, not at every start.
  const { letterPdf } = await import('./letter-pdf.service.ts');
  const pdf = await letterPdf({
    ...letter,
    // The body with what she typed made literal: her «1.» or «*» printed as typed, no backslash.
    body: letter.markdown,
    labels: letterLabels(letter.othersCount),
  });
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(pdf);
};
