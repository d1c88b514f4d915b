// Structural checks of framework data from users' files, with messages that say where and what
// (the same rules as data/framework.schema.json, in words a person can act on).

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStrList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

export function validateFrameworkData(value: unknown): string[] {
  const errors: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) errors.push(message);
    return ok;
  };
  if (!need(isObj(value), 'A framework file must be a mapping with id, name, levels and skills.')) return errors;
  const f = value as Obj;
  need(isStr(f.id), '`id` is missing: give the framework a short id, e.g. `id: my-ladder`.');
  need(isStr(f.name), '`name` is missing: give the framework a display name.');
  const levelIds = new Set<string>();
  if (need(Array.isArray(f.levels) && f.levels.length > 0, '`levels` must be a non-empty list, lowest level first.')) {
    (f.levels as unknown[]).forEach((l, i) => {
      if (!need(isObj(l) && isStr(l.id) && isStr(l.name), `levels[${i}] needs \`id\` and \`name\`.`)) return;
      const level = l as Obj;
      if (level.aliases !== undefined) need(isStrList(level.aliases), `levels[${i}].aliases must be a list of strings.`);
      levelIds.add(String(level.id));
    });
  }
  if (need(Array.isArray(f.skills), '`skills` must be a list.')) {
    (f.skills as unknown[]).forEach((s, i) => {
      if (!need(isObj(s) && isStr(s.name), `skills[${i}] needs a \`name\`.`)) return;
      const skill = s as Obj;
      const where = `skills[${i}] (${skill.name})`;
      if (skill.levels !== undefined && need(isObj(skill.levels), `${where}.levels must map level ids to statements.`)) {
        for (const [id, entry] of Object.entries(skill.levels as Obj)) {
          need(levelIds.has(id), `${where}.levels.${id} is not one of the framework's levels (${[...levelIds].join(', ')}).`);
          need(entry === null || (isObj(entry) && isStrList(entry.statements)), `${where}.levels.${id} must be null (not defined) or have a list of \`statements\`.`);
        }
      }
      for (const key of ['aliases', 'formerNames', 'roles', 'statements', 'examples']) {
        if (skill[key] !== undefined) need(isStrList(skill[key]), `${where}.${key} must be a list of strings.`);
      }
    });
  }
  if (f.roles !== undefined && need(Array.isArray(f.roles), '`roles` must be a list of roles.')) {
    (f.roles as unknown[]).forEach((r, i) => {
      if (!need(isObj(r) && isStr(r.name) && Array.isArray(r.levels), `roles[${i}] needs \`name\` and a list of \`levels\`.`)) return;
      const role = r as Obj;
      if (role.family !== undefined) need(isStr(role.family), `roles[${i}].family must be the name of a role family.`);
      if (role.skills !== undefined) need(isStrList(role.skills), `roles[${i}].skills must be a list of skill names.`);
      ((r as Obj).levels as unknown[]).forEach((rl, j) => {
        const ok = isObj(rl) && isStr(rl.name) && isStrList(rl.grades ?? []) && Array.isArray(rl.skills ?? []);
        if (!need(ok, `roles[${i}].levels[${j}] needs \`name\`, and \`grades\` and \`skills\` as lists.`)) return;
        const roleLevel = rl as Obj;
        roleLevel.responsibilities ??= [];
        roleLevel.grades ??= [];
        roleLevel.skills ??= [];
        (roleLevel.skills as unknown[]).forEach((req, k) => {
          need(isObj(req) && isStr(req.skill) && isStr(req.level), `roles[${i}].levels[${j}].skills[${k}] needs \`skill\` and \`level\`.`);
        });
      });
    });
  }
  if (f.grades !== undefined && need(Array.isArray(f.grades), '`grades` must be a list.')) {
    (f.grades as unknown[]).forEach((g, i) => {
      need(isObj(g) && isStr(g.id) && isStr(g.name) && typeof Number(g.rank) === 'number', `grades[${i}] needs \`id\`, \`name\` and \`rank\`.`);
      if (isObj(g)) g.rank = Number(g.rank);
    });
  }
  return errors;
}
