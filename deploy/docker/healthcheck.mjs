// Container health check without curl: `node healthcheck.mjs [path] [port]` exits 0 when the service's
// health server answers 2xx on 127.0.0.1, 1 otherwise or after 2 s. HTTP_PORT, when set, wins over the
// port argument because it is also what moves the service's health server.
const path = process.argv[2] ?? "/healthz";
const port = process.env.HTTP_PORT || process.argv[3] || "8080";
try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
