// A minimal keep-alive HTTP client for load and sample traffic (node:http; no dependency).
//
//   const client = createClient('http://localhost:3000', { connections: 64 });
//   const { status, ms, text } = await client.post(request);   // request from payloads.mjs
//   client.close();
//
// `ms` is measured with process.hrtime from just before the request is written to the end of the response. A network
// error resolves with status 0 and the error message in `text` (the caller counts it; nothing throws).
import http from 'node:http';
import https from 'node:https';

/** Response text kept for reporting (error bodies are short; success bodies are not needed). */
const MAX_TEXT = 512;

export function createClient(baseUrl, { connections = 8, timeoutMs = 30_000 } = {}) {
  const base = new URL(baseUrl);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

  function post({ path, headers, body }) {
    return new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
      const req = transport.request(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          method: 'POST',
          path,
          agent,
          headers: { ...headers, 'content-length': body.length },
          timeout: timeoutMs,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            if (text.length < MAX_TEXT) {
              text += chunk;
            }
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: elapsed(), text: text.slice(0, MAX_TEXT) }));
          res.on('error', (error) => resolve({ status: 0, ms: elapsed(), text: error.message }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => resolve({ status: 0, ms: elapsed(), text: error.message }));
      req.end(body);
    });
  }

  async function get(path) {
    return new Promise((resolve) => {
      const req = transport.get({ hostname: base.hostname, port: base.port, path, agent, timeout: 5000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
    });
  }

  return { post, get, close: () => agent.destroy() };
}
