/**
 * The largest body a plain form may send, and so the largest text field of any form. A form with
 * a file reads each field up to a quarter of it (evidence.plugin.ts), far past any text's limit,
 * so a long story sent beside a photo comes back whole when the server refuses it (a smaller
 * multipart field limit once cut 30 000 typed characters to 10 000 on the way in, without a word).
 */
export const BODY_LIMIT_BYTES = 1_048_576;
