import { createServer, type Server } from "node:http";

type Handler = (request: Request, ctx: object) => Promise<Response>;

/**
 * A payment provider posts its notifications to the site's address: in an integration
 * test there is no site, so this small server on loopback hands each request to the
 * route handler itself (loaded when the first one arrives, after the test set its
 * settings). Point NEXTAUTH_URL at `url` and the notify_url the app sends leads here.
 */
export async function startNotificationReceiver(
  load: () => Promise<Handler>,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handle = await load();
    const answer = await handle(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
        body: Buffer.concat(chunks),
      }),
      {},
    );
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}
