import type { FormatName } from './names.js';
import type { Renderer } from './types.js';

/**
 * The renderer of one format, loaded on its own: a scan prints one format, and loading the
 * other four (SARIF's rule table, GitLab's report shape) was part of every run's start-up.
 */
export async function loadRenderer(name: FormatName): Promise<Renderer> {
  switch (name) {
    case 'github':
      return (await import('./github.js')).renderGithub;
    case 'gitlab':
      return (await import('./gitlab.js')).renderGitlab;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif;
    case 'stylish':
      return (await import('./stylish.js')).renderStylish;
  }
}
