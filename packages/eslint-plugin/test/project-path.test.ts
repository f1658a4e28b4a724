// Core decides some things from a file's path (a folder named for another marketplace, for
// Amazon, for a model or a test). ESLint hands rules absolute paths, whose upper folders are only
// where the project sits: the rules pass the path relative to ESLint's working directory, so a
// project under `~/amazon-tools/` is judged in the editor as `mwsguard scan` judges it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '@mwsguard/core';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { TYPE_A_NEGATIVES } from '../../core/test/type-a-shapes.js';
import plugin from '../src/index.js';

// A route of another marketplace (its folder says OnBuy) taking generic keys from the request:
// not Amazon's, so no type-A finding, however the folders above the project are named. In a
// folder that names no marketplace, the CLI reports it (a user's keys kept in its row).
const ROUTE = TYPE_A_NEGATIVES.find((s) => s.path === 'app/api/onbuy/connect/route.js')?.text ?? '';

const root = mkdtempSync(join(tmpdir(), 'project-path-'));
const project = join(root, 'amazon-tools');
mkdirSync(join(project, 'app/api/onbuy/connect'), { recursive: true });
writeFileSync(join(project, 'app/api/onbuy/connect/route.js'), ROUTE);
mkdirSync(join(project, 'app/api/channels/connect'), { recursive: true });
writeFileSync(join(project, 'app/api/channels/connect/route.js'), ROUTE);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('paths relative to the working directory', () => {
  it('judges a project under an Amazon-named folder by its own paths', async () => {
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended],
    });
    const results = await eslint.lintFiles(['.']);
    const typeA = results.map((r) => [
      r.filePath.slice(project.length + 1),
      r.messages.filter((m) => m.ruleId === '@mwsguard/no-shared-seller-credentials').map((m) => m.line),
    ]);
    expect(typeA).toEqual([
      ['app/api/channels/connect/route.js', [5]],
      ['app/api/onbuy/connect/route.js', []],
    ]);
  });

  it('makes a path relative only when it lies inside the directory', () => {
    expect(projectPath('/home/u/amazon-tools', '/home/u/amazon-tools/src/a.ts')).toBe('src/a.ts');
    expect(projectPath('/home/u/amazon-tools/', '/home/u/amazon-tools/src/a.ts')).toBe('src/a.ts');
    expect(projectPath('C:\\work\\shop', 'C:\\work\\shop\\src\\a.ts')).toBe('src/a.ts');
    expect(projectPath('/home/u/amazon-tools', '/home/u/amazon-toolsX/a.ts')).toBe('/home/u/amazon-toolsX/a.ts');
    expect(projectPath('/home/u/amazon-tools', '/elsewhere/a.ts')).toBe('/elsewhere/a.ts');
    expect(projectPath(undefined, 'src/a.ts')).toBe('src/a.ts');
  });
});
