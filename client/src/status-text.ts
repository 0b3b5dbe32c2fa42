/**
 * What the status bar item says for a document's status. Pure (no vscode), so it is tested in Node;
 * `display` turns a URI into the path the writer should see.
 */
import type { StatusParams } from '../../server/src/protocol';

export interface StatusText {
  text: string;
  tooltip: string;
  /** Draw attention: the brand file is not (fully) in force. */
  warning: boolean;
}

export function statusText(status: StatusParams, display: (uri: string) => string): StatusText {
  const file = status.brandFile ? display(status.brandFile) : undefined;
  const lines = [file ? `Brand file: ${file}` : 'No brand file', ...(status.message ? [status.message] : [])];
  if (status.brandProblems > 0) lines.push(`The brand file has ${plural(status.brandProblems, 'problem')}.`);
  lines.push(file ? 'Click to open the brand file.' : 'Click to open or create a brand file.');
  const tooltip = lines.join('\n');
  switch (status.state) {
    case 'ok':
      return { text: `$(megaphone) ${counts(status.counts) || 'On message'}`, tooltip, warning: false };
    case 'stale':
      return { text: `$(warning) ${counts(status.counts) || 'On message'} (last good brand file)`, tooltip, warning: true };
    case 'invalid':
      return { text: '$(error) Brand file unusable', tooltip, warning: true };
    case 'missing':
      return { text: '$(megaphone) No brand file', tooltip, warning: false };
    case 'disabled':
      return { text: '$(circle-slash) On Message off', tooltip: 'onMessage.enable is off for this document.', warning: false };
    case 'ignored':
      return { text: '$(circle-slash) Not checked', tooltip, warning: false };
  }
}

function counts(c: StatusParams['counts']): string {
  return [
    c.error ? plural(c.error, 'error') : '',
    c.warning ? plural(c.warning, 'warning') : '',
    c.info ? plural(c.info, 'suggestion') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
