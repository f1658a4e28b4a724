import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../cli/support/run-cli.js';
import { commit, git, tempRepo } from '../../cli/support/tree.js';

/**
 * A git repository holding this checkout's action/ directory (the bundle and the scan script)
 * on branch `main`: what the GitLab jobs and the org workflow clone as mwsguard, here without
 * a network. Returns its file:// URL.
 */
export function mwsguardRemote(): { readonly url: string; readonly cleanup: () => void } {
  const repo = tempRepo();
  cpSync(join(REPO_ROOT, 'action'), join(repo.dir, 'action'), { recursive: true });
  commit(repo.dir, 'mwsguard');
  git(repo.dir, 'branch', '-q', '-M', 'main');
  return { url: `file://${repo.dir}`, cleanup: repo.cleanup };
}
