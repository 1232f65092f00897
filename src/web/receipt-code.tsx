import { formatReceiptCode } from '../shared/crypto/receipt-code.ts';

// A receipt code as a page shows it, once (a tip's receipt, a registry request's receipt): in
// groups of four that break only between groups, so a group is never split across lines on a phone.

export const ReceiptCodeText = ({ code }: { code: string }) => (
  <code class="secret receipt">
    {formatReceiptCode(code)
      .split('-')
      .map((group, i) => (
        <>
          {i > 0 && (
            <>
              -<wbr />
            </>
          )}
          {group}
        </>
      ))}
  </code>
);
