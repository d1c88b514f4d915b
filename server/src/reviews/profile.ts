// A skill profile: each skill's assessed level in a review (or advertised level in an advert)
// against the level its role level expects and the level the next role level needs. One pure
// computation, written out as text, JSON, a Markdown table and an SVG chart: the CLI's
// `profile` command and the editor's "Show skill profile" view draw the same picture.
import type { ParsedDocument } from '../documents/model';
import type { Framework } from '../framework/framework';
import { LevelData, SkillData, skillFullName } from '../framework/model';
import { readReview, standings } from './read';
import { escapeMd, levelInCell } from '../features/frameworkProse';
import type { RoleLevelRef } from '../framework/framework';

export interface ProfileRow {
  skill: string;
  /** Level ids; null where there is none. */
  expected: string | null;
  assessed: string | null;
  next: string | null;
  /** Steps from the expected level to the assessed one (negative: below), null without both. */
  gap: number | null;
  hasEvidence: boolean;
}

export interface Profile {
  /** `review`, `job-advert` when the levels are an advert's, or `comparison` of two role levels:
   *  then `expected` is each skill's level at `roleLevel` and `assessed` its level at `nextRoleLevel`. */
  kind: 'review' | 'job-advert' | 'comparison';
  framework: string;
  roleLevel: string | null;
  nextRoleLevel: string | null;
  /** The scale, lowest first: ids and display names. */
  levels: { id: string; name: string }[];
  skills: ProfileRow[];
}

export function computeProfile(doc: ParsedDocument, framework: Framework): Profile {
  // A review's model already holds its standings.
  const review = doc.kind === 'review' ? readReview(doc, framework) : undefined;
  const { current, next } = review ?? standings(doc, framework);
  const assessed = new Map<SkillData, { level?: LevelData; hasEvidence: boolean }>();
  if (review) {
    for (const e of review.entries) assessed.set(e.skill, { level: e.level, hasEvidence: e.evidence.length > 0 });
  } else {
    // An advert's levels are what it asks for: the first level each skill is given.
    for (const m of doc.mentions) {
      if (m.levelText === undefined) continue;
      const skill = framework.resolveSkill(m.name.text);
      const level = framework.findLevelOrNumber(m.levelText);
      if (skill && level && !assessed.get(skill)?.level) assessed.set(skill, { level, hasEvidence: false });
    }
  }
  const skills = [...(current?.expected.keys() ?? [])];
  for (const skill of assessed.keys()) if (!current?.expected.has(skill)) skills.push(skill);
  const rows = skills.map((skill): ProfileRow => {
    const expected = current?.expected.get(skill);
    const found = assessed.get(skill);
    const level = found?.level;
    return {
      skill: skillFullName(skill),
      expected: expected?.id ?? null,
      assessed: level?.id ?? null,
      next: next?.expected.get(skill)?.id ?? null,
      gap: expected && level ? framework.levelIndex(level) - framework.levelIndex(expected) : null,
      hasEvidence: found?.hasEvidence ?? false,
    };
  });
  return {
    kind: doc.kind === 'review' ? 'review' : 'job-advert',
    framework: framework.id,
    roleLevel: current?.name ?? null,
    nextRoleLevel: next?.name ?? null,
    levels: framework.levels.map((l) => ({ id: l.id, name: l.name })),
    skills: rows,
  };
}

function levelName(profile: Profile, id: string | null): string {
  if (id === null) return '-';
  const level = profile.levels.find((l) => l.id === id);
  return level ? levelInCell(level) : id;
}

function gapText(gap: number | null): string {
  return gap === null ? '-' : gap > 0 ? `+${gap}` : String(gap);
}

/** What the person is assessed at (or what an advert asks for), in words. */
function assessedHeader(profile: Profile): string {
  return profile.kind === 'review' ? 'Assessed' : profile.kind === 'comparison' ? `At ${profile.nextRoleLevel}` : 'Advertised';
}

/** Two role levels as a profile, for the same chart: each skill's level at the first (drawn as
 *  the expected mark) and at the second (the bar), every skill of either, in the first's order. */
export function compareProfile(framework: Framework, a: RoleLevelRef, b: RoleLevelRef): Profile {
  const levelsOf = (ref: RoleLevelRef) => new Map([...framework.requirements(ref)].map(([skill, level]) => [skillFullName(skill), level]));
  const first = levelsOf(a);
  const second = levelsOf(b);
  const names = [...first.keys(), ...[...second.keys()].filter((n) => !first.has(n))];
  return {
    kind: 'comparison',
    framework: framework.id,
    roleLevel: a.level.name,
    nextRoleLevel: b.level.name,
    levels: framework.levels.map((l) => ({ id: l.id, name: l.name })),
    skills: names.map((skill): ProfileRow => {
      const la = first.get(skill);
      const lb = second.get(skill);
      return { skill, expected: la?.id ?? null, assessed: lb?.id ?? null, next: null, gap: la && lb ? framework.levelIndex(lb) - framework.levelIndex(la) : null, hasEvidence: false };
    }),
  };
}

/** Aligned columns for a terminal. */
export function profileText(profile: Profile): string {
  const head = [
    `Role level: ${profile.roleLevel ?? '(none named)'}`,
    `Next role level: ${profile.nextRoleLevel ?? '(none)'}`,
    '',
  ];
  const table = [['Skill', 'Expected', assessedHeader(profile), 'Next', 'Gap', ...(profile.kind === 'review' ? ['Evidence'] : [])]];
  for (const r of profile.skills) {
    table.push([r.skill, levelName(profile, r.expected), levelName(profile, r.assessed), levelName(profile, r.next), gapText(r.gap), ...(profile.kind === 'review' ? [r.hasEvidence ? 'yes' : 'no'] : [])]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const lines = table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  return [...head, ...lines, ''].join('\n');
}

/** The profile as a Markdown table, for pasting into the review or a summary: the framework's
 *  names escaped, so they read as written wherever the table is shown. */
export function profileMarkdown(profile: Profile): string {
  const md = (text: string) => escapeMd(text).replace(/\s*[\r\n]+\s*/g, ' ');
  const nextHeader = profile.nextRoleLevel ? `Next (${md(profile.nextRoleLevel)})` : 'Next';
  const header = `| Skill | Expected${profile.roleLevel ? ` (${md(profile.roleLevel)})` : ''} | ${md(assessedHeader(profile))} | ${nextHeader} | Gap |`;
  const rows = profile.skills.map((r) => `| ${md(r.skill)} | ${md(levelName(profile, r.expected))} | ${md(levelName(profile, r.assessed))} | ${md(levelName(profile, r.next))} | ${gapText(r.gap)} |`);
  return [header, '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

// What XML 1.0 forbids in a document, even escaped: C0 controls but tab and line breaks, U+FFFE,
// U+FFFF and unpaired surrogates. A framework's name with one made an SVG no XML parser reads.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The chart: a bar per skill to its assessed level, a solid mark at the expected level and a
 * dashed one at the next role level's. Colours are the editor theme's (CSS variables) with
 * fallbacks, so the same SVG reads in a webview and on its own. Each bar carries its skill and
 * level as data attributes.
 */
export function profileSvg(profile: Profile): string {
  const width = 720;
  const labelWidth = 290;
  const rowHeight = 30;
  const top = 64;
  const chartWidth = width - labelWidth - 20;
  const steps = Math.max(1, profile.levels.length);
  const step = chartWidth / steps;
  const height = top + profile.skills.length * rowHeight + 48;
  const x = (id: string | null) => {
    const i = profile.levels.findIndex((l) => l.id === id);
    return i < 0 ? undefined : labelWidth + (i + 1) * step;
  };
  const fg = 'var(--vscode-foreground, #333333)';
  const muted = 'var(--vscode-descriptionForeground, #717171)';
  const font = 'font-family: var(--vscode-font-family, sans-serif); font-size: 12px';
  const colours = {
    met: 'var(--vscode-charts-blue, #3794ff)',
    below: 'var(--vscode-charts-orange, #d18616)',
    expected: 'var(--vscode-charts-green, #388a34)',
    next: 'var(--vscode-charts-purple, #652d90)',
    track: 'var(--vscode-editorWidget-border, #c8c8c8)',
  };
  const compare = profile.kind === 'comparison';
  const title = compare
    ? `${profile.roleLevel} → ${profile.nextRoleLevel}: each skill's level`
    : profile.roleLevel
    ? `${profile.roleLevel}: ${assessedHeader(profile).toLowerCase()} against expected${profile.nextRoleLevel ? ` and ${profile.nextRoleLevel}` : ''}`
    : `${assessedHeader(profile)} levels (no role level named)`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="skill-profile" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(title)}" style="${font}">`);
  out.push(`<text x="0" y="18" style="fill: ${fg}; font-weight: 600; font-size: 14px">${xml(title)}</text>`);
  profile.levels.forEach((l, i) => {
    const lx = labelWidth + (i + 1) * step;
    out.push(`<line x1="${lx}" y1="${top - 8}" x2="${lx}" y2="${top + profile.skills.length * rowHeight}" style="stroke: ${colours.track}; stroke-width: 1" />`);
    out.push(`<text x="${lx}" y="${top - 14}" text-anchor="end" style="fill: ${muted}">${xml(levelName(profile, l.id))}</text>`);
  });
  profile.skills.forEach((r, i) => {
    const y = top + i * rowHeight;
    const below = r.gap !== null && r.gap < 0;
    out.push(`<g class="row" data-skill="${xml(r.skill)}">`);
    out.push(`<text x="${labelWidth - 10}" y="${y + rowHeight / 2 + 4}" text-anchor="end" style="fill: ${fg}">${xml(r.skill.length > 40 ? r.skill.slice(0, 38) + '...' : r.skill)}</text>`);
    const bx = x(r.assessed);
    if (bx !== undefined) {
      const rank = profile.levels.findIndex((l) => l.id === r.assessed) + 1;
      out.push(
        `<rect class="bar" data-skill="${xml(r.skill)}" data-level="${xml(r.assessed!)}" data-rank="${rank}" x="${labelWidth}" y="${y + 7}" width="${bx - labelWidth}" height="${rowHeight - 14}" rx="2" style="fill: ${below ? colours.below : colours.met}"><title>${xml(`${r.skill}: ${levelName(profile, r.assessed)}`)}</title></rect>`,
      );
    }
    const ex = x(r.expected);
    if (ex !== undefined) out.push(`<line class="expected" data-level="${xml(r.expected!)}" x1="${ex}" y1="${y + 3}" x2="${ex}" y2="${y + rowHeight - 3}" style="stroke: ${colours.expected}; stroke-width: 3" />`);
    const nx = x(r.next);
    if (nx !== undefined) out.push(`<line class="next" data-level="${xml(r.next!)}" x1="${nx + 3}" y1="${y + 3}" x2="${nx + 3}" y2="${y + rowHeight - 3}" style="stroke: ${colours.next}; stroke-width: 2; stroke-dasharray: 3 2" />`);
    out.push('</g>');
  });
  const ly = top + profile.skills.length * rowHeight + 28;
  const legend: [string, string, string][] = compare ? [
    ['rect', colours.met, `${profile.nextRoleLevel}`],
    ['rect', colours.below, `lower at ${profile.nextRoleLevel}`],
    ['line', colours.expected, `${profile.roleLevel}`],
  ] : [
    ['rect', colours.met, profile.kind === 'review' ? 'assessed' : 'advertised'],
    ['rect', colours.below, 'below expected'],
    ['line', colours.expected, `expected${profile.roleLevel ? ` (${profile.roleLevel})` : ''}`],
    ...(profile.nextRoleLevel ? [['dash', colours.next, `next (${profile.nextRoleLevel})`] as [string, string, string]] : []),
  ];
  let lx = 0;
  for (const [shape, colour, label] of legend) {
    if (shape === 'rect') out.push(`<rect x="${lx}" y="${ly - 9}" width="14" height="10" style="fill: ${colour}" />`);
    else out.push(`<line x1="${lx + 7}" y1="${ly - 11}" x2="${lx + 7}" y2="${ly + 2}" style="stroke: ${colour}; stroke-width: ${shape === 'line' ? 3 : 2}${shape === 'dash' ? '; stroke-dasharray: 3 2' : ''}" />`);
    out.push(`<text x="${lx + 20}" y="${ly}" style="fill: ${fg}">${xml(label)}</text>`);
    // 12px text runs to about 7px a character: room for the longest role level names.
    lx += 32 + label.length * 7;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
