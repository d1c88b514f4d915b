// The review requests of protocol.ts: the role levels a review can be for, a new review, and an
// open document's skill profile (data, SVG chart and Markdown table) for the profile view.
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../languageService';
import type { ParsedDocument } from '../documents/model';
import { Requests, type ReviewTarget, type SkillProfileResult } from '../protocol';
import { computeProfile, profileMarkdown, profileSvg } from './profile';
import { newReview } from './template';

export function registerReviewRequests(
  connection: Connection,
  service: LanguageService,
  documentModel: (uri: string) => ParsedDocument | undefined,
  guard: <T>(what: string, fallback: T, fn: () => T) => T,
): void {
  connection.onRequest(Requests.reviewTargets, (): ReviewTarget[] =>
    guard('reviewTargets', [], () => {
      const f = service.activeFramework();
      if (f.roleLevels.length) return f.roleLevels.map((r) => ({ name: r.level.name, detail: `${r.role.name} \u00b7 ${r.level.skills.length} skills` }));
      return f.levels.map((l) => ({ name: l.id, detail: `${l.name} \u00b7 ${f.skills.length} ${f.skillNoun}s` }));
    }),
  );

  connection.onRequest(Requests.newReview, (p: { roleLevel?: string; form?: string }) =>
    guard('newReview', null, () => {
      const text = newReview(service.activeFramework(), String(p?.roleLevel ?? ''), p?.form === 'headings' ? 'headings' : 'table');
      return text === undefined ? null : { text };
    }),
  );

  connection.onRequest(Requests.skillProfile, (p: { uri?: string }): SkillProfileResult | null =>
    guard('skillProfile', null, () => {
      const doc = typeof p?.uri === 'string' ? documentModel(p.uri) : undefined;
      if (!doc) return null;
      const profile = computeProfile(doc, service.frameworkOf(doc));
      return { profile, svg: profileSvg(profile), markdown: profileMarkdown(profile), documentKind: doc.kind };
    }),
  );
}
