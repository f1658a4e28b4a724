import type { ErrorObject } from 'ajv';

/** The configuration schema's validator, compiled ahead of time (scripts/build-validator.js). */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export { validate };
export default validate;
