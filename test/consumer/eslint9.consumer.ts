// ESLint 9 in fresh npm projects: see eslint-cases.ts.
import { describeEslint } from './eslint-cases.js';

describeEslint(9);
