// The settings the server is sent: only those the user set (in user, workspace or folder
// settings), never package.json's defaults, because each one overrides the project's
// configuration file (.skill-lens.yaml). With the defaults sent too, a project's configuration
// could never apply in VS Code, and the editor would disagree with CI.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

const KEYS = ['framework', 'frameworkFiles', 'documentKinds', 'severity', 'debounceMs'] as const;

/** The `skillLens` settings the user set, for a folder (or the workspace). */
export function userSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('skillLens', scope);
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const seen = config.inspect(key);
    const value = seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Answers the server's workspace/configuration for `skillLens` with userSettings(). */
export const settingsMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const answer = await next(params, token);
      if (!Array.isArray(answer)) return answer;
      return params.items.map((item, i) => (item.section === 'skillLens' ? userSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answer[i]));
    },
  },
};
