// secretlint with the rule from its tarball and the README's `.secretlintrc.json`, on the
// matrix the README states: secretlint 12.0.0 on Node 20 (what npm picks there), 13 on Node 22.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE, bin, leaksNothing, npmInstall, project, snippet, tarballs } from './support.js';

const README = 'packages/secretlint-rule-mws/README.md';

const matrix = [
  { node: 20, secretlint: '12.0.0', options: {} },
  { node: 22, secretlint: '13', options: { node: 22 } },
] as const;

describe.each(matrix)('secretlint $secretlint on Node $node', ({ node, secretlint, options }) => {
  it('reports the planted key with the masked value (exit 1), passes a clean tree (exit 0), installs without engine warnings', () => {
    const dir = project(`secretlint${secretlint}-node${node}`, {
      '.secretlintrc.json': snippet(README, 'json', '{\n  "rules": [\n    { "id": "@mwsguard/secretlint-rule-mws" }'),
      'config/prod.env': `MWS_SECRET_KEY=${FAKE.secretKey}\n`,
      'src/region.js': 'export const region = process.env.AWS_REGION;\n',
    });
    const install = npmInstall(
      dir,
      [
        `secretlint@${secretlint}`,
        '@secretlint/secretlint-rule-preset-recommend@' + secretlint,
        ...tarballs('secretlint-rule-mws'),
      ],
      options,
    );
    expect(install.output).not.toContain('EBADENGINE');
    const installedVersion = (
      JSON.parse(readFileSync(join(dir, 'node_modules/secretlint/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(installedVersion.startsWith(secretlint)).toBe(true);

    const found = bin(dir, 'secretlint', ['**/*'], options);
    expect(found.code).toBe(1);
    expect(found.output).toContain('config/prod.env');
    expect(found.output).toContain('@mwsguard/secretlint-rule-mws');
    // secretlint's CLI masks every report (`--maskSecrets`); the rule's own message masks too.
    expect(found.output).toContain('[SecretKey] Hard-coded MWS secret key');
    expect(leaksNothing(found.output)).toBe(true);

    const clean = bin(dir, 'secretlint', ['src/**/*'], options);
    expect(clean).toMatchObject({ code: 0 });
  });
});
