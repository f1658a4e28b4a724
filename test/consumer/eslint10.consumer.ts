// ESLint 10 in fresh npm projects: see eslint-cases.ts.
import { describeEslint } from './eslint-cases.js';

describeEslint(10);
