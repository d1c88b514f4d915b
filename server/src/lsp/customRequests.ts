// The custom requests of protocol.ts: the editor commands compute from the framework here,
// so the VS Code client, the CLI and other editors share one implementation.
import type { Connection } from 'vscode-languageserver/node';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import type { ParsedDocument } from '../documents/model';
import { diagnose } from '../features/diagnostics';
import { compareMarkdown, skillMarkdown } from '../features/frameworkViews';
import { documentStyle, newAdvertText, skillsText, SkillsStyle } from '../features/skillsText';
import { skillFullName, type SkillData } from '../framework/model';
import { frameworkSummary } from '../framework/summary';
import { FrameworkSummary, Requests, RoleLevelSummary, SkillSummary } from '../protocol';
import { registerReviewRequests } from '../reviews/requests';
import type { WorkspaceCheck } from './workspaceCheck';
import { frameworkRendering } from './frameworkRendering';
import { insertSkills } from '../features/insertSkills';

interface Wiring {
  documentModel: (uri: string) => ParsedDocument | undefined;
  workspaceCheck: WorkspaceCheck;
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
  guard: <T>(what: string, fallback: T, fn: () => T) => T;
}

export function registerCustomRequests(connection: Connection, service: LanguageService, wiring: Wiring): void {
  const { guard } = wiring;
  const active = () => service.activeFramework();
  registerReviewRequests(connection, service, wiring.documentModel, guard);

  connection.onRequest(Requests.frameworks, (): FrameworkSummary[] =>
    guard('frameworks', [], () => service.registry.all().map((f) => ({ ...frameworkSummary(f), active: f === active() }))),
  );

  connection.onRequest(Requests.roleLevels, (): RoleLevelSummary[] =>
    guard('roleLevels', [], () => {
      const f = active();
      return f.roleLevels.map((r) => ({
        family: r.role.family ?? r.role.name,
        role: r.role.name,
        name: r.level.name,
        grades: r.level.grades,
        skills: r.level.skills.map((s) => ({ skill: s.skill, level: s.level, levelName: f.levelName(s.level) })),
      }));
    }),
  );

  connection.onRequest(Requests.skills, (): SkillSummary[] =>
    guard('skills', [], () => active().skills.map(skillSummary)),
  );

  connection.onRequest(Requests.findSkills, (p: { query?: unknown }): SkillSummary[] =>
    guard('findSkills', [], () => {
      const query = typeof p?.query === 'string' ? p.query : '';
      return active()
        .findSkills(query, 50)
        .map(({ skill }) => skillSummary(skill));
    }),
  );

  connection.onRequest(Requests.showSkill, (p: { name?: string }) =>
    guard('showSkill', null, () => {
      const f = active();
      const skill = typeof p?.name === 'string' ? f.resolveSkill(p.name) : undefined;
      return skill ? { markdown: skillMarkdown(f, skill) } : null;
    }),
  );

  connection.onRequest(Requests.frameworkMarkdown, (p: { id?: string }) =>
    guard('frameworkMarkdown', null, () => {
      const f = typeof p?.id === 'string' ? service.registry.get(p.id) : undefined;
      return f ? { markdown: frameworkRendering(f).text } : null;
    }),
  );

  connection.onRequest(Requests.compareRoleLevels, (p: { a?: string; b?: string }) =>
    guard('compareRoleLevels', null, () => {
      const f = active();
      const a = f.findRoleLevel(String(p?.a ?? ''));
      const b = f.findRoleLevel(String(p?.b ?? ''));
      return a && b ? { markdown: compareMarkdown(f, a, b) } : null;
    }),
  );

  connection.onRequest(Requests.skillsText, (p: { roleLevel?: string; style?: SkillsStyle }) =>
    guard('skillsText', null, () => {
      const f = active();
      const role = f.findRoleLevel(String(p?.roleLevel ?? ''));
      const style: SkillsStyle = p?.style === 'table' || p?.style === 'govuk' ? p.style : 'list';
      return role ? { text: skillsText(f, role, style) } : null;
    }),
  );

  connection.onRequest(Requests.newFrameworkFile, (p: { name?: string }) => guard('newFrameworkFile', null, () => service.frameworkFileTemplate(String(p?.name ?? ''))));

  connection.onRequest(Requests.newAdvert, (p: { roleLevel?: string }) =>
    guard('newAdvert', null, () => {
      const f = active();
      const role = f.findRoleLevel(String(p?.roleLevel ?? ''));
      return role ? { text: newAdvertText(f, role) } : null;
    }),
  );

  // The editor sends the text it shows: the server may not have had the document yet (a command
  // run just after opening it), and must not answer for an older version.
  const sentDocument = (p: { uri?: unknown; text?: unknown; languageId?: unknown }): ParsedDocument | undefined => {
    const uri = typeof p?.uri === 'string' ? p.uri : undefined;
    const open = uri ? wiring.documentModel(uri) : undefined;
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
      const role = doc?.role ? service.frameworkOf(doc).findRoleLevel(doc.role.text)?.level.name : undefined;
      return { style: doc ? documentStyle(doc) : 'list', ...(role ? { role } : {}) };
    }),
  );

  connection.onRequest(Requests.insertSkills, (p: { uri?: string; text?: string; languageId?: string; position?: Position; roleLevel?: string; style?: string }) =>
    guard('insertSkills', null, () => {
      const doc = sentDocument(p);
      if (!doc) return { message: 'The document is not open.' };
      const f = service.frameworkOf(doc);
      const role = f.findRoleLevel(String(p?.roleLevel ?? ''));
      if (!role) return null;
      const line = Math.max(0, Math.min(Number(p?.position?.line) || 0, doc.lines.lineCount - 1));
      const character = Math.max(0, Math.min(Number(p?.position?.character) || 0, doc.lines.line(line).length));
      const yaml = /\.ya?ml$/i.test(doc.uri);
      const style = p?.style === 'list' || p?.style === 'table' || p?.style === 'govuk' ? p.style : undefined;
      return insertSkills(doc, f, role, { line, character }, { yaml, style });
    }),
  );

  connection.onRequest(Requests.checkFiles, (p: { uris?: unknown[] }) => wiring.workspaceCheck.check(Array.isArray(p?.uris) ? p.uris : []));

  connection.onRequest(Requests.workspaceDocuments, (p: { roots?: unknown[] }) =>
    wiring.workspaceCheck.documents((Array.isArray(p?.roots) ? p.roots : []).filter((r): r is string => typeof r === 'string')),
  );

  connection.onRequest(Requests.analyzeTiming, (p: { uri?: string }) =>
    guard('analyzeTiming', null, () => {
      const open = p?.uri ? wiring.documentModel(p.uri) : undefined;
      if (!open) return null;
      const start = performance.now();
      const fresh = service.parseFresh(open.uri, open.lines.text, open.version);
      const diagnostics = diagnose(fresh, service.frameworkOf(fresh), { severity: service.settings.severity, keep: false });
      return { ms: performance.now() - start, diagnostics: diagnostics.length };
    }),
  );
}

/** A skill as the editor's picker lists it. */
function skillSummary(skill: SkillData): SkillSummary {
  return { name: skillFullName(skill), description: skill.description, category: skill.category };
}
