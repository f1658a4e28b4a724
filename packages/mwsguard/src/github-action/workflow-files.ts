import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * Appends outputs to the `GITHUB_OUTPUT` file in the runner's multi-line form
 * (`name<<DELIMITER`, value, `DELIMITER`), with a random delimiter that no value can contain.
 * See "Setting an output parameter" in GitHub's workflow commands docs.
 */
export function writeOutputs(file: string | undefined, outputs: Readonly<Record<string, string>>): void {
  if (file === undefined || file === '') return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomBytes(12).toString('hex')}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

/** Appends Markdown to the job summary (`GITHUB_STEP_SUMMARY`), when the runner provides one. */
export function writeSummary(file: string | undefined, markdown: string): void {
  if (file === undefined || file === '') return;
  appendFileSync(file, markdown);
}
