// The formats of `skill-lens check`, each a pure function of the checked files to what is printed.
import { codeQualityReport } from './codequality';
import { githubReport } from './github';
import { jsonReport } from './json';
import type { CheckedFile } from './model';
import { sarifReport, type SarifContext } from './sarif';
import { textReport } from './text';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'codequality'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Formats that list silenced findings (the others leave them out, as the editor does). */
export function listsSilenced(format: CheckFormat): boolean {
  return format === 'sarif';
}

/** Formats that use the text of a file with findings (for fingerprints and the words silenced); the others need only its findings. */
export function readsText(format: CheckFormat): boolean {
  return format === 'sarif' || format === 'codequality';
}

export function checkReport(format: CheckFormat, files: readonly CheckedFile[], context: SarifContext): string {
  switch (format) {
    case 'text':
      return textReport(files);
    case 'json':
      return jsonReport(files);
    case 'sarif':
      return sarifReport(files, context);
    case 'github':
      return githubReport(files);
    case 'codequality':
      return codeQualityReport(files);
  }
}

export type { CheckedFile } from './model';
export { severityName } from './model';
