// The custom requests of protocol.ts: the editor commands and views. Each is answered by the
// language service (the same operations the CLI uses), so the VS Code client, the browser build
// and other editors share one implementation.
import type { Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../documents/model';
import { Requests, type FrameworkSummary, type ReviewTarget, type RoleLevelSummary, type SkillProfileResult, type SkillSummary } from '../../protocol';
import type { SkillsStyle } from '../../features/skillsText';
import { profileMarkdown, profileSvg } from '../../reviews/profile';
import type { WorkspaceCheck } from '../workspaceCheck';
import type { ServerContext } from './context';
import type { DocumentsHandler } from './documents';

export function registerWorkspaceRequests(context: ServerContext, documents: DocumentsHandler, workspaceCheck: WorkspaceCheck): void {
  const { connection, service, guard } = context;
  const text = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));

  connection.onRequest(Requests.frameworks, (): FrameworkSummary[] => guard('frameworks', [], () => service.frameworkSummaries()));

  connection.onRequest(Requests.roleLevels, (): RoleLevelSummary[] => guard('roleLevels', [], () => service.roleLevelSummaries()));

  connection.onRequest(Requests.skills, (): SkillSummary[] => guard('skills', [], () => service.skillSummaries()));

  connection.onRequest(Requests.findSkills, (p: { query?: unknown }): SkillSummary[] =>
    guard('findSkills', [], () => service.skillSummaries(typeof p?.query === 'string' ? p.query : '')),
  );

  connection.onRequest(Requests.showSkill, (p: { name?: string }) =>
    guard('showSkill', null, () => {
      const markdown = typeof p?.name === 'string' ? service.skillView(p.name) : undefined;
      return markdown === undefined ? null : { markdown };
    }),
  );

  connection.onRequest(Requests.frameworkMarkdown, (p: { id?: string }) =>
    guard('frameworkMarkdown', null, () => {
      const markdown = typeof p?.id === 'string' ? service.frameworkMarkdown(p.id) : undefined;
      return markdown === undefined ? null : { markdown };
    }),
  );

  connection.onRequest(Requests.compareRoleLevels, (p: { a?: string; b?: string }) =>
    guard('compareRoleLevels', null, () => {
      const markdown = service.compareRoleLevels(text(p?.a), text(p?.b));
      return markdown === undefined ? null : { markdown };
    }),
  );

  connection.onRequest(Requests.skillsText, (p: { roleLevel?: string; style?: SkillsStyle }) =>
    guard('skillsText', null, () => {
      const style: SkillsStyle = p?.style === 'table' || p?.style === 'govuk' ? p.style : 'list';
      const written = service.skillsText(text(p?.roleLevel), style);
      return written === undefined ? null : { text: written };
    }),
  );

  connection.onRequest(Requests.newFrameworkFile, (p: { name?: string }) => guard('newFrameworkFile', null, () => service.frameworkFileTemplate(String(p?.name ?? ''))));

  connection.onRequest(Requests.newAdvert, (p: { roleLevel?: string }) =>
    guard('newAdvert', null, () => {
      const written = service.newAdvert(text(p?.roleLevel));
      return written === undefined ? null : { text: written };
    }),
  );

  connection.onRequest(Requests.reviewTargets, (): ReviewTarget[] => guard('reviewTargets', [], () => service.reviewTargets()));

  connection.onRequest(Requests.newReview, (p: { roleLevel?: string; form?: string }) =>
    guard('newReview', null, () => {
      const written = service.newReview(text(p?.roleLevel), p?.form === 'headings' ? 'headings' : 'table');
      return written === undefined ? null : { text: written };
    }),
  );

  connection.onRequest(Requests.skillProfile, (p: { uri?: string }): SkillProfileResult | null =>
    guard('skillProfile', null, () => {
      const doc = typeof p?.uri === 'string' ? documents.model(p.uri) : undefined;
      if (!doc) return null;
      const profile = service.profile(doc);
      return { profile, svg: profileSvg(profile), markdown: profileMarkdown(profile), documentKind: doc.kind };
    }),
  );

  // The editor sends the text it shows: the server may not have had the document yet (a command
  // run just after opening it), and must not answer for an older version.
  const sentDocument = (p: { uri?: unknown; text?: unknown; languageId?: unknown }): ParsedDocument | undefined => {
    const uri = typeof p?.uri === 'string' ? p.uri : undefined;
    const open = uri ? documents.model(uri) : undefined;
    if (typeof p?.text !== 'string') return open;
    // The server's version when it is the text the editor shows (it usually is): parsed already.
    if (open && open.lines.text === p.text) return open;
    // An untitled document in YAML mode is read as YAML, as a .yaml file is.
    const yamlMode = p.languageId === 'yaml' && !/\.ya?ml$/i.test(uri ?? '');
    return service.parseFresh(yamlMode ? 'untitled:document.yaml' : (uri ?? 'untitled:document'), p.text);
  };

  connection.onRequest(Requests.documentStyle, (p: { uri?: string; text?: string; languageId?: string }) =>
    guard('documentStyle', { style: 'list' as SkillsStyle }, () => {
      const doc = sentDocument(p);
      return doc ? service.documentStyle(doc) : { style: 'list' as SkillsStyle };
    }),
  );

  connection.onRequest(Requests.insertSkills, (p: { uri?: string; text?: string; languageId?: string; position?: Position; roleLevel?: string; style?: string }) =>
    guard('insertSkills', null, () => {
      const doc = sentDocument(p);
      if (!doc) return { message: 'The document is not open.' };
      const line = Math.max(0, Math.min(Number(p?.position?.line) || 0, doc.lines.lineCount - 1));
      const character = Math.max(0, Math.min(Number(p?.position?.character) || 0, doc.lines.line(line).length));
      const yaml = /\.ya?ml$/i.test(doc.uri);
      const style = p?.style === 'list' || p?.style === 'table' || p?.style === 'govuk' ? p.style : undefined;
      return service.insertSkills(doc, text(p?.roleLevel), { line, character }, { yaml, style }) ?? null;
    }),
  );

  connection.onRequest(Requests.checkFiles, (p: { uris?: unknown[] }) => workspaceCheck.check(Array.isArray(p?.uris) ? p.uris : []));

  connection.onRequest(Requests.workspaceDocuments, (p: { roots?: unknown[] }) =>
    workspaceCheck.documents((Array.isArray(p?.roots) ? p.roots : []).filter((r): r is string => typeof r === 'string')),
  );

  connection.onRequest(Requests.analyzeTiming, (p: { uri?: string }) =>
    guard('analyzeTiming', null, () => {
      const open = p?.uri ? documents.model(p.uri) : undefined;
      return open ? service.timeAnalysis(open) : null;
    }),
  );
}
