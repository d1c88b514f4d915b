// The environment the editor client (and the bench, which starts the server the same way) gives
// the server process.

/**
 * The caller's environment without NODE_EXTRA_CA_CERTS: Node reads and parses every certificate
 * that variable names before any JavaScript runs (about 45 ms on a 2-core machine with the
 * Debian bundle), and the server never opens a network connection.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.NODE_EXTRA_CA_CERTS;
  return out;
}
