/**
 * Which brand file governs a document, and what that file currently says.
 *
 * Resolution: the `brandFile` setting wins (absolute, or relative to the document's workspace folder);
 * otherwise the nearest brand-messaging.yaml / .yml walking up from the document's folder, stopping at
 * the workspace folder that contains the document (at the file system root for documents outside every
 * folder, as the CLI does). So each folder of a multi-root workspace finds its own brand file.
 *
 * Text: an open editor's text wins over the disk. A brand file whose current text is unusable keeps its
 * last usable version in force (`inForce`), so writers are not flooded or silenced while it is edited.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver';
import { loadBrand, type Brand, type BrandProblem } from '../core/index';
import { BRAND_FILE_NAMES, BRAND_LANGUAGE_ID } from '../protocol';

export interface BrandFile {
  path: string;
  uri: string;
  /** The current text (editor or disk); absent when it could not be read. */
  document?: TextDocument;
  /** Problems of the current text. */
  problems: BrandProblem[];
  /** Whether the current text can serve as a brand file. */
  usable: boolean;
  /** Why the file could not be read. */
  error?: string;
  /** The current brand when usable, else the last usable one read in this session, else none. */
  inForce?: { brand: Brand; document: TextDocument };
}

/** A file open in the editor, as the brand files see it. */
export type OpenText = (file: string) => { uri: string; text: string } | undefined;

export class BrandFiles {
  private readonly files = new Map<string, BrandFile>();
  private readonly located = new Map<string, string | undefined>();

  constructor(private readonly openText: OpenText) {}

  /** The brand file path for a document; undefined when none is configured or found. */
  locate(documentPath: string, folder: string | undefined, configured: string): string | undefined {
    if (configured) return path.resolve(folder ?? path.dirname(documentPath), expandFolder(configured, folder));
    return this.nearest(path.dirname(documentPath), folder);
  }

  /** The brand file at `file`, read once and kept until `reload` or `forget`. */
  get(file: string): BrandFile {
    return this.files.get(file) ?? this.read(file);
  }

  isKnown(file: string): boolean {
    return this.files.has(file);
  }

  /** Re-reads `file` now, keeping its last usable version; true when its text changed. */
  reload(file: string): boolean {
    const before = this.files.get(file)?.document?.getText();
    return this.read(file).document?.getText() !== before;
  }

  /** Applies watched-file events; true when any brand file was affected. */
  applyFileEvents(changes: readonly FileEvent[]): boolean {
    let affected = false;
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!file || !(isBrandFileName(file) || this.files.has(file))) continue;
      affected = true;
      if (change.type !== FileChangeType.Changed) this.located.clear();
      if (change.type === FileChangeType.Deleted) this.files.delete(file);
      else if (this.files.has(file) && !this.openText(file)) this.read(file);
    }
    return affected;
  }

  /** Forget where brand files were found (folders or settings changed, a brand file appeared). */
  clearLocations(): void {
    this.located.clear();
  }

  private read(file: string): BrandFile {
    const previous = this.files.get(file);
    const open = this.openText(file);
    const uri = open?.uri ?? pathToFileURL(file).href;
    let text: string;
    try {
      text = open?.text ?? stripBom(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
      return this.store({ path: file, uri, problems: [], usable: false, error: `Cannot read ${file}: ${reason}.`, inForce: previous?.inForce });
    }
    const loaded = loadBrand(text);
    const document = TextDocument.create(uri, BRAND_LANGUAGE_ID, 0, text);
    const inForce = loaded.usable ? { brand: loaded.brand, document } : previous?.inForce;
    return this.store({ path: file, uri, document, problems: loaded.problems, usable: loaded.usable, inForce });
  }

  private store(file: BrandFile): BrandFile {
    this.files.set(file.path, file);
    return file;
  }

  private nearest(folder: string, stop: string | undefined): string | undefined {
    const key = `${folder}\0${stop ?? ''}`;
    if (this.located.has(key)) return this.located.get(key);
    let found = BRAND_FILE_NAMES.map((name) => path.join(folder, name)).find((f) => this.openText(f) !== undefined || fs.existsSync(f));
    const parent = path.dirname(folder);
    if (!found && folder !== stop && parent !== folder) found = this.nearest(parent, stop);
    this.located.set(key, found);
    return found;
  }
}

export function isBrandFileName(file: string): boolean {
  return BRAND_FILE_NAMES.includes(path.basename(file));
}

/** The file system path of a `file:` URI; undefined for other schemes (untitled documents). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Workspace folders as paths, for "which folder is this document in". */
export class WorkspaceFolders {
  private paths: string[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.paths = (folders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => uriToPath(f.uri)));
    const kept = this.paths.filter((p) => !gone.has(p));
    this.set(added);
    this.paths = [...kept, ...this.paths];
  }

  /** The innermost folder containing `file`. */
  containing(file: string): string | undefined {
    return this.paths
      .filter((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  first(): string | undefined {
    return this.paths[0];
  }

  all(): readonly string[] {
    return this.paths;
  }
}

function expandFolder(configured: string, folder: string | undefined): string {
  return folder ? configured.replace(/\$\{workspaceFolder\}/g, folder) : configured;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
