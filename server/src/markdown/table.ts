// Which columns of a Markdown table hold skills and levels, read from its header row: written
// once for the parser and completion.

/** The skill column (`Skill`, `DDaT skill`, `Competency`) and the level column: one headed
 *  `Level`; in a review, the assessed level (`Assessed`, `Rating`), else the expected one. -1 for none. */
export function tableColumns(headers: readonly string[]): { skillCol: number; levelCol: number } {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const skillCol = lower.findIndex((h) => /skill|competenc|capabilit/.test(h) && !/level/.test(h));
  const levelCol = [/level/, /assess|rating|self/, /expected|required/].map((re) => lower.findIndex((h, i) => i !== skillCol && re.test(h))).find((i) => i >= 0) ?? -1;
  return { skillCol, levelCol };
}
