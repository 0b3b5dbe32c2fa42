/**
 * Brand files for the web server: found by walking up from a document's folder to its workspace folder
 * (or the `onMessage.brandFile` setting), read through the client (`onMessage/readFile`) unless open in
 * an editor, and parsed once per text. As in the Node server, a brand file whose current text is
 * unusable keeps its last usable version in force.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBrand, type Brand, type BrandProblem } from '../core/index';
import { BRAND_FILE_NAMES, BRAND_LANGUAGE_ID } from '../protocol';
import { baseName, childUri, parentUri, resolveUri } from './uris';

export interface WebBrandFile {
  uri: string;
  text: string | null;
  document?: TextDocument;
  problems: BrandProblem[];
  usable: boolean;
  error?: string;
  inForce?: { brand: Brand; document: TextDocument };
}

export class WebBrandFiles {
  private readonly texts = new Map<string, Promise<string | null>>();
  private readonly files = new Map<string, WebBrandFile>();

  constructor(
    private readonly read: (uri: string) => Promise<string | null>,
    private readonly openText: (uri: string) => string | undefined,
  ) {}

  /** The brand file URI for a document; undefined when none is configured or found. */
  async locate(documentUri: string, folder: string | undefined, configured: string): Promise<string | undefined> {
    const start = parentUri(documentUri);
    if (configured) return resolveUri(folder ?? start ?? documentUri, configured);
    for (let dir = start; dir !== undefined; dir = dir === folder ? undefined : parentUri(dir)) {
      for (const name of BRAND_FILE_NAMES) {
        const candidate = childUri(dir, name);
        if ((await this.text(candidate)) !== null) return candidate;
      }
    }
    return undefined;
  }

  async get(uri: string): Promise<WebBrandFile> {
    const text = await this.text(uri);
    const previous = this.files.get(uri);
    if (previous && previous.text === text) return previous;
    let file: WebBrandFile;
    if (text === null) {
      file = { uri, text, problems: [], usable: false, error: `Cannot read ${baseName(uri)}: the file does not exist.`, inForce: previous?.inForce };
    } else {
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const loaded = loadBrand(body);
      const document = TextDocument.create(uri, BRAND_LANGUAGE_ID, 0, body);
      file = { uri, text, document, problems: loaded.problems, usable: loaded.usable, inForce: loaded.usable ? { brand: loaded.brand, document } : previous?.inForce };
    }
    this.files.set(uri, file);
    return file;
  }

  isKnown(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Forget what was read of `uri` (or of every file): it changed, appeared or went away. */
  invalidate(uri?: string): void {
    if (uri === undefined) this.texts.clear();
    else this.texts.delete(uri);
  }

  private text(uri: string): Promise<string | null> {
    const open = this.openText(uri);
    if (open !== undefined) return Promise.resolve(open);
    let text = this.texts.get(uri);
    if (!text) {
      text = this.read(uri).then(
        (t) => (typeof t === 'string' ? t : null),
        () => null,
      );
      this.texts.set(uri, text);
    }
    return text;
  }
}

export function isBrandFileName(uri: string): boolean {
  return BRAND_FILE_NAMES.includes(baseName(uri));
}
