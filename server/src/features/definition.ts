// Go to definition: from a skill mention to the skill in its framework. Where the skill lives
// (a workspace framework file, or a read-only view of the embedded framework) is the caller's
// business, so this stays pure and the CLI or tests can pass any resolver.
import type { Location, Position } from 'vscode-languageserver-types';
import type { Framework } from '../framework/framework';
import type { SkillData } from '../framework/model';
import { covers, levelCovers, type ParsedDocument } from '../documents/model';

/** Where a framework's skill can be shown; the framework itself is passed so the resolver can render it. */
export type FrameworkLocator = (framework: Framework, skill: SkillData) => Location | null;

export function definition(doc: ParsedDocument, framework: Framework, position: Position, frameworkUri: FrameworkLocator): Location | null {
  for (const mention of doc.mentions) {
    // The level beside a name belongs to the same skill, so it jumps there too.
    if (!covers(mention.name, position) && !levelCovers(mention, position)) continue;
    const found = framework.lookupSkill(mention.name.text);
    // An ambiguous base name still has an obvious first place to look: its first variant.
    const skill = found.kind === 'exact' || found.kind === 'renamed' ? found.skill : found.kind === 'ambiguous' ? found.candidates[0] : undefined;
    return skill ? frameworkUri(framework, skill) : null;
  }
  return null;
}
