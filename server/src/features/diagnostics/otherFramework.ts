// other-framework: a document written against a framework Skill Lens cannot check it with (a
// sample of it, or none), said once; nothing else is reported on such a document, as its names
// and levels are that framework's.
import type { Framework } from '../../framework/framework';
import { skillFullName } from '../../framework/model';
import type { ParsedDocument } from '../../documents/model';
import { writtenAgainstFull } from '../frameworkContext';
import { quoteList, Report } from './report';

/** Reports the document's other framework when it cannot be checked; true when it cannot. */
export function checkOtherFramework(doc: ParsedDocument, framework: Framework, report: Report): boolean {
  const other = doc.otherFramework;
  if (!other || writtenAgainstFull(other, framework)) return false;
  // Its own framework, then, is a sample.
  if (other.id === framework.id) {
    const names = framework.skills.map(skillFullName);
    const which = names.length <= 3 ? `: ${quoteList(names, 'and')}` : '';
    report(
      'other-framework',
      other.located.range,
      `This document is written against ${other.name}, of which Skill Lens has a sample only (${names.length} ${framework.skillNoun}${names.length === 1 ? '' : 's'}${which}), so its skills and levels are not checked. To check them, add the full ${other.name} framework to the workspace as a framework file with id "${other.id}" (a *.skills.yaml file or a file under .skill-lens/).`,
    );
  } else {
    report(
      'other-framework',
      other.located.range,
      `This document is written against ${other.name}, which Skill Lens does not have, so its skills and levels are not checked against ${framework.shortName}. To check them, add that framework to the workspace as a framework file and name it in front matter (framework: ID).`,
    );
  }
  return true;
}
