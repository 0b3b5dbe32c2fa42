/**
 * URIs as folders and files, for a server with no file system: `scheme://authority/path` (or
 * `scheme:/path`) split on `/`. A folder URI has no trailing slash; the root folder is the URI with an
 * empty path (`file://`, `memfs:`).
 */

const SPLIT = /^([a-zA-Z][\w+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/;

/** The folder holding `uri`; undefined above the root. */
export function parentUri(uri: string): string | undefined {
  const m = SPLIT.exec(uri);
  if (!m) return undefined;
  const path = m[2].replace(/\/+$/, '');
  if (path === '') return undefined;
  return m[1] + path.slice(0, path.lastIndexOf('/'));
}

export function childUri(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

export function baseName(uri: string): string {
  const m = SPLIT.exec(uri);
  const path = (m ? m[2] : uri).replace(/\/+$/, '');
  return safeDecode(path.slice(path.lastIndexOf('/') + 1));
}

/** `uri` relative to `folder` (decoded, forward slashes), or undefined when it is not inside it. */
export function relativeUri(folder: string, uri: string): string | undefined {
  const base = folder.replace(/\/+$/, '') + '/';
  return uri.startsWith(base) ? safeDecode(uri.slice(base.length)) : undefined;
}

/** Resolves a configured path against a folder URI: a URI stays as it is; `${workspaceFolder}` expands. */
export function resolveUri(folder: string, configured: string): string {
  if (/^[a-zA-Z][\w+.-]*:/.test(configured) && !/^[a-zA-Z]:[\\/]/.test(configured)) return configured;
  const rel = configured.replace(/\$\{workspaceFolder\}[\\/]?/g, '').replace(/\\/g, '/').replace(/^\.\//, '');
  let base = folder.replace(/\/+$/, '');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base = parentUri(base) ?? base;
    else base = childUri(base, part);
  }
  return base;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
