// Career ladders: frameworks whose statements speak in the first person. A ladder's review is
// written as "I …" evidence (its completion: reviews/completion.ts), never as its statements.
import type { Framework } from '../../framework/framework';
import { caches } from '../../caches';

/** A ladder framework speaks in the first person: its statements start with "I". Cached. */
const ladderFlag = caches.weak<Framework, boolean>();
export function isLadder(framework: Framework): boolean {
  let flag = ladderFlag.get(framework);
  if (flag === undefined) {
    flag = framework.skills.some((s) => Object.values(s.levels ?? {}).some((l) => l?.statements.some((t) => /^I\b/.test(t))));
    ladderFlag.set(framework, flag);
  }
  return flag;
}
