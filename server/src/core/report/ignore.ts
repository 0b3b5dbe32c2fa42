/** The brand file's `ignore:` globs: documents that workspace runs (the report) skip. */
import picomatch from 'picomatch/posix';
import type { Brand } from '../brand/model';

/** Whether `brandRelativePath` (relative to the brand file's folder, forward slashes) matches an `ignore:` glob. */
export function isIgnoredByBrand(brand: Brand, brandRelativePath: string): boolean {
  return brand.ignore.length > 0 && picomatch(brand.ignore, { dot: true })(brandRelativePath);
}
