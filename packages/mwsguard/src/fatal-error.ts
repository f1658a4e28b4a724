/**
 * A failure the user did not cause by how they called mwsguard (git failed, the repository is
 * corrupt). `run` prints its message without the usage hint and exits 2, without a stack trace.
 */
export class FatalError extends Error {
  override readonly name = 'FatalError';
}
