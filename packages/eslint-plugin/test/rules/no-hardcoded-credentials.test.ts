import rule from '../../src/rules/no-hardcoded-credentials.js';
import { runRuleTests } from '../support/rule-tester.js';
import { ALLOW_SOURCE, ALLOWED, KEYS, REPORTED_LINES } from '../../../../test/support/allow-policy.js';

// Plainly fake, well-shaped values (real alphabets and lengths, never real credentials).
// access key id: AKIA2OGYBAH6Q7KD4XZM
// secret key:    Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw
// MWS token:     amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17

runRuleTests('no-hardcoded-credentials', rule, {
  valid: [
    { code: 'const secretKey = process.env.MWS_SECRET_KEY;' },
    { code: "const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';" },
    { code: "const cacheKey = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';" },
    { code: "const secretKey = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';" },
    { code: "const clientId = 'amzn1.application-oa2-client.4c1f0e2d3b5a69788796a5b4c3d2e1f0';" },
    { code: "const secretKey = process.env.MWS_SECRET_KEY || 'YOUR_SECRET_KEY';" },
    { code: "const secretKey = 'Kq7Zr1nV0bXwP3yH8sL5' + suffix;" },
    { code: "const accessKeyId = 'AKIA' + 'XXXXXXXXXXXXXXXX';" },
    { code: 'const secretKey: string = await secrets.get("mws/secret-key");', ts: true },
    { code: '<Connect secretKey={process.env.MWS_SECRET_KEY} />;', jsx: true },
    {
      name: 'allow: exact value',
      code: "const accessKeyId = 'AKIA2OGYBAH6Q7KD4XZM';",
      options: [{ allow: ['AKIA2OGYBAH6Q7KD4XZM'] }],
    },
    {
      name: 'allowPatterns: regex',
      code: "const accessKeyId = 'AKIA2OGYBAH6Q7KD4XZM';",
      options: [{ allowPatterns: ['^AKIA2OGY'] }],
    },
    {
      name: 'kinds: secret keys only',
      code: "const accessKeyId = 'AKIA2OGYBAH6Q7KD4XZM';",
      options: [{ kinds: ['secret-key'] }],
    },
    {
      name: 'locale: any string is accepted',
      code: 'const secretKey = process.env.MWS_SECRET_KEY;',
      options: [{ locale: 'pt-BR' }],
    },
  ],
  invalid: [
    {
      // Core's one policy (test/support/allow-policy.ts): inline directive, value, fingerprint.
      name: 'allow, allowPatterns, allowFingerprints and mwsguard-ignore: only line 5 is reported',
      code: ALLOW_SOURCE,
      options: [{ allow: ALLOWED.values, allowPatterns: ALLOWED.patterns, allowFingerprints: ALLOWED.fingerprints }],
      errors: REPORTED_LINES.map((line) => ({
        messageId: 'accessKeyId' as const,
        line,
        column: 12,
        endLine: line,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'replaceWithEnv' as const,
            output: ALLOW_SOURCE.replace(`'${KEYS.reported}'`, 'process.env.E'),
          },
        ],
      })),
    },
    {
      code: "const accessKeyId = 'AKIA2OGYBAH6Q7KD4XZM';",
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.ACCESS_KEY_ID` instead.' },
              output: 'const accessKeyId = process.env.ACCESS_KEY_ID;',
            },
          ],
        },
      ],
    },
    {
      code: "const config = {\n  secretKey: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw',\n};",
      errors: [
        {
          messageId: 'secretKey',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: 'const config = {\n  secretKey: process.env.SECRET_KEY,\n};',
            },
          ],
        },
      ],
    },
    {
      code: "const mwsAuthToken = 'amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17';",
      errors: [
        {
          messageId: 'mwsAuthToken',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.MWS_AUTH_TOKEN` instead.' },
              output: 'const mwsAuthToken = process.env.MWS_AUTH_TOKEN;',
            },
          ],
        },
      ],
    },
    {
      code: "const sp = new SellingPartner({\n  region: 'eu',\n  refresh_token: 'Atzr|IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9',\n  credentials: {\n    SELLING_PARTNER_APP_CLIENT_SECRET: 'amzn1.oa2-cs.v1.9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8c0a2b4d6f8e0c2a4b6d8f0e',\n  },\n});",
      errors: [
        {
          messageId: 'lwaRefreshToken',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.REFRESH_TOKEN` instead.' },
              output:
                "const sp = new SellingPartner({\n  region: 'eu',\n  refresh_token: process.env.REFRESH_TOKEN,\n  credentials: {\n    SELLING_PARTNER_APP_CLIENT_SECRET: 'amzn1.oa2-cs.v1.9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8c0a2b4d6f8e0c2a4b6d8f0e',\n  },\n});",
            },
          ],
        },
        {
          messageId: 'lwaClientSecret',
          line: 5,
          column: 41,
          endLine: 5,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SELLING_PARTNER_APP_CLIENT_SECRET` instead.' },
              output:
                "const sp = new SellingPartner({\n  region: 'eu',\n  refresh_token: 'Atzr|IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9',\n  credentials: {\n    SELLING_PARTNER_APP_CLIENT_SECRET: process.env.SELLING_PARTNER_APP_CLIENT_SECRET,\n  },\n});",
            },
          ],
        },
      ],
    },
    {
      code: '// old key: AKIA2OGYBAH6Q7KD4XZM\nconnect();',
      errors: [{ messageId: 'accessKeyId', line: 1, column: 13, endLine: 1, endColumn: 33 }],
    },
    {
      code: 'const accessKey = `AKIA2OGYBAH6Q7KD4XZM`;',
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.ACCESS_KEY` instead.' },
              output: 'const accessKey = process.env.ACCESS_KEY;',
            },
          ],
        },
      ],
    },
    {
      code: "const secretKey = 'Kq7Zr1nV0bXwP3yH8sL5' + 'tA2mD9fG4jC6eU/oI+Rw';",
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: 'const secretKey = process.env.SECRET_KEY;',
            },
          ],
        },
      ],
    },
    {
      // Any run of separators may stand between a name's words (core's \`mayHoldStringCredentials\`
      // keeps the AST pass on for this file; the plugin's own word list used to skip it).
      name: 'a legacy key id built by concatenation, bound to AWS__ACCESS__KEY',
      code: "const AWS__ACCESS__KEY = '1QW2ER3TY4' + 'UI5OP6AS7D';",
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.AWS_ACCESS_KEY` instead.' },
              output: 'const AWS__ACCESS__KEY = process.env.AWS_ACCESS_KEY;',
            },
          ],
        },
      ],
    },
    {
      code: "const PREFIX = 'AKIA2OGY';\nconst accessKeyId = `${PREFIX}BAH6Q7KD4XZM`;",
      errors: [
        {
          messageId: 'accessKeyId',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.ACCESS_KEY_ID` instead.' },
              output: "const PREFIX = 'AKIA2OGY';\nconst accessKeyId = process.env.ACCESS_KEY_ID;",
            },
          ],
        },
      ],
    },
    {
      code: "const K = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';\nexport const client = { secretKey: K };",
      errors: [
        {
          messageId: 'secretKey',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output:
                "const K = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';\nexport const client = { secretKey: process.env.SECRET_KEY };",
            },
          ],
        },
      ],
    },
    {
      code: "const KEY = 'AKIA2OGYBAH6Q7KD4XZM';\nconst client = { accessKeyId: KEY };",
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.KEY` instead.' },
              output: 'const KEY = process.env.KEY;\nconst client = { accessKeyId: KEY };',
            },
          ],
        },
      ],
    },
    {
      code: "const secretKey = ['Kq7Zr1nV0bXwP3yH8sL5', 'tA2mD9fG4jC6eU/oI+Rw'].join('');",
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: 'const secretKey = process.env.SECRET_KEY;',
            },
          ],
        },
      ],
    },
    {
      code: "function connect(secretKey = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw') {\n  return secretKey;\n}",
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: 'function connect(secretKey = process.env.SECRET_KEY) {\n  return secretKey;\n}',
            },
          ],
        },
      ],
    },
    {
      code: "class MwsClient {\n  secretKey = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';\n}",
      errors: [
        {
          messageId: 'secretKey',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: 'class MwsClient {\n  secretKey = process.env.SECRET_KEY;\n}',
            },
          ],
        },
      ],
    },
    {
      code: '<Connect secretKey="Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw" />;',
      jsx: true,
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SECRET_KEY` instead.' },
              output: '<Connect secretKey={process.env.SECRET_KEY} />;',
            },
          ],
        },
      ],
    },
    {
      code: 'const help = <p>Your key: <code>AKIA2OGYBAH6Q7KD4XZM</code></p>;',
      jsx: true,
      errors: [{ messageId: 'accessKeyId', line: 1, column: 33, endLine: 1, endColumn: 53 }],
    },
    {
      code: "enum MwsSecret {\n  Primary = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw',\n}",
      ts: true,
      errors: [{ messageId: 'secretKey', line: 2, column: 13, endLine: 2, endColumn: 55 }],
    },
    {
      code: "const AwsSecrets = {\n  primary: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw',\n} as const;",
      ts: true,
      errors: [
        {
          messageId: 'secretKey',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.AWS_SECRETS_PRIMARY` instead.' },
              output: 'const AwsSecrets = {\n  primary: process.env.AWS_SECRETS_PRIMARY,\n} as const;',
            },
          ],
        },
      ],
    },
    {
      code: "amazonMws.setApiKey('AKIA2OGYBAH6Q7KD4XZM', 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw');",
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.AWS_ACCESS_KEY_ID` instead.' },
              output: "amazonMws.setApiKey(process.env.AWS_ACCESS_KEY_ID, 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw');",
            },
          ],
        },
        {
          messageId: 'secretKey',
          line: 1,
          column: 46,
          endLine: 1,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.AWS_SECRET_ACCESS_KEY` instead.' },
              output: "amazonMws.setApiKey('AKIA2OGYBAH6Q7KD4XZM', process.env.AWS_SECRET_ACCESS_KEY);",
            },
          ],
        },
      ],
    },
    {
      code: "fetch('https://mws.amazonservices.com/?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=GetServiceStatus');",
      errors: [{ messageId: 'accessKeyId', line: 1, column: 55, endLine: 1, endColumn: 75 }],
    },
    {
      name: 'secretKeyNames: a project-specific name',
      code: "const signingBlob = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';",
      options: [{ secretKeyNames: ['signingBlob'] }],
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.SIGNING_BLOB` instead.' },
              output: 'const signingBlob = process.env.SIGNING_BLOB;',
            },
          ],
        },
      ],
    },
    {
      name: 'kinds: access key ids only',
      code: "const creds = {\n  accessKeyId: 'AKIA2OGYBAH6Q7KD4XZM',\n  secretKey: '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',\n};",
      options: [{ kinds: ['access-key-id'] }],
      errors: [
        {
          messageId: 'accessKeyId',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.ACCESS_KEY_ID` instead.' },
              output:
                "const creds = {\n  accessKeyId: process.env.ACCESS_KEY_ID,\n  secretKey: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw',\n};",
            },
          ],
        },
      ],
    },
    {
      name: "locale: zh-CN renders core's Simplified Chinese message",
      code: "const accessKeyId = 'AKIA2OGYBAH6Q7KD4XZM';",
      options: [{ locale: 'zh-CN' }],
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 22,
          endLine: 1,
          endColumn: 42,
          data: { message: '硬编码的 AWS 访问密钥 ID AKIA************4XZM：请轮换该密钥对，并改为从环境变量读取。' },
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: '改为从 `process.env.ACCESS_KEY_ID` 读取。' },
              output: 'const accessKeyId = process.env.ACCESS_KEY_ID;',
            },
          ],
        },
      ],
    },
    {
      name: 'locale: zh-CN for a value only the AST pass sees',
      code: "const secretKey = 'Kq7Zr1nV0bXwP3yH8sL5' + 'tA2mD9fG4jC6eU/oI+Rw';",
      options: [{ locale: 'zh-CN' }],
      errors: [
        {
          messageId: 'secretKey',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 66,
          data: {
            message:
              '硬编码的 AWS 秘密密钥 Kq7Z********************************I+Rw：请立即轮换密钥对，并改为从环境变量读取。',
          },
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: '改为从 `process.env.SECRET_KEY` 读取。' },
              output: 'const secretKey = process.env.SECRET_KEY;',
            },
          ],
        },
      ],
    },
    {
      name: 'locale: zh resolves to zh-CN (MWS wording from the file)',
      code: "fetch('https://mws.amazonservices.com/?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=GetServiceStatus');",
      options: [{ locale: 'zh' }],
      errors: [
        {
          messageId: 'accessKeyId',
          line: 1,
          column: 55,
          endLine: 1,
          endColumn: 75,
          data: { message: '硬编码的 MWS 访问密钥 ID AKIA************4XZM：请轮换该密钥对，并改为从环境变量读取。' },
        },
      ],
    },
    {
      name: 'locale: an unsupported locale falls back to English',
      code: "const mwsAuthToken = 'amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17';",
      options: [{ locale: 'fr-FR' }],
      errors: [
        {
          messageId: 'mwsAuthToken',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 68,
          data: {
            message:
              'Hard-coded MWS Auth Token amzn.mws.********************************0a17: keep it per seller in your database, not in code.',
          },
          suggestions: [
            {
              messageId: 'replaceWithEnv',
              data: { label: 'Read it from `process.env.MWS_AUTH_TOKEN` instead.' },
              output: 'const mwsAuthToken = process.env.MWS_AUTH_TOKEN;',
            },
          ],
        },
      ],
    },
  ],
});
