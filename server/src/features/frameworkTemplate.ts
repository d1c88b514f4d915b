// A new framework file to fill in ("Skill Lens: New framework file"): every part a team's own
// framework needs, each with a comment saying what it is for, and values that load as they are,
// so the file is usable from the first save and its problems, if any, are the user's edits.
import { dump } from 'js-yaml';

export interface FrameworkFileTemplate {
  /** The framework's id, made from its name. */
  id: string;
  /** Where a framework file is found by default: `<id>.skills.yaml`. */
  fileName: string;
  text: string;
}

/** A commented starting file for a framework called `name` (its id made of the name's words). */
export function frameworkFileTemplate(name: string): FrameworkFileTemplate {
  const display = name.trim().replace(/\s+/g, ' ') || 'Team skills';
  // `Équipe support` gives `equipe-support`: accents dropped, other characters as hyphens.
  const id =
    display
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'team';
  const text = `# A skills framework of your own, for Skill Lens. A document uses it when its front matter
# says \`framework: ${id}\`; "Skill Lens: Choose framework" makes it the one for every document.
# The editor reads this file again whenever it changes, and shows any problem on its line.
# Every field: "Your own framework" in Skill Lens's README (data/framework.schema.json).

# A short id for front matter and settings: letters, digits, - and _.
id: ${id}
# The name lists and messages show.
name: ${dump(display, { lineWidth: -1 }).trimEnd()}

# The scale of levels, lowest first. A document may write a level by its id or its name.
levels:
  - id: learning
    name: Learning
    description: Learning the skill, with help from others.
  - id: doing
    name: Doing
    description: Does the work on their own.
  - id: teaching
    name: Teaching
    description: Teaches others and improves how the team works.

# The skills. Under \`levels\`, for each level id: what someone at that level can do
# (statements), or null where the skill has no such level.
skills:
  - name: First skill
    description: What the skill is about, in one sentence.
    levels:
      learning:
        statements:
          - what someone learning the skill can do
      doing:
        statements:
          - what someone doing the work can do
      teaching:
        statements:
          - what someone teaching it can do
  - name: Second skill
    description: What the skill is about, in one sentence.
    levels:
      learning: null
      doing:
        statements:
          - what someone doing the work can do
      teaching:
        statements:
          - what someone teaching it can do

# Optional: roles and their role levels, most junior first, each needing skills at a level.
# An advert or review names its role level in front matter (\`role: Team member\`) or title.
roles:
  - name: Team member
    levels:
      - name: Team member
        skills:
          - { skill: First skill, level: doing }
          - { skill: Second skill, level: doing }
      - name: Senior team member
        skills:
          - { skill: First skill, level: teaching }
          - { skill: Second skill, level: teaching }
`;
  return { id, fileName: `${id}.skills.yaml`, text };
}
