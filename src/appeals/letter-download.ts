import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LetterToPrint } from './appeals-print.service.ts';
import { letterPdf } from './letter-pdf.service.ts';

/** A letter as a PDF download, its labels in the reader's language (also for collective appeals). */
export const sendLetterPdf = async (
  req: FastifyRequest,
  reply: FastifyReply,
  letter: LetterToPrint,
  filename: string,
): Promise<FastifyReply> => {
  const t = req.t;
  const pdf = await letterPdf({
    ...letter,
    // The body with what she typed made literal: her «1.» or «*» printed as typed, no backslash.
    body: letter.markdown,
    labels: {
      to: t('appeals.to'),
      from: t('appeals.from'),
      signature: t('appeals.print.signature'),
      date: t('appeals.print.date'),
      others: letter.othersCount ? t('appeals.print.others', { count: letter.othersCount }) : '',
    },
  });
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(pdf);
};
