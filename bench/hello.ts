/**
 * The baseline of `npm run bench`: a bare Fastify hello-world route, run as its own process so that
 * it is measured with the same load generator and settings as the Balai server. It prints
 * `listening <port>` once ready and stops on SIGTERM or SIGINT.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const stop = () => {
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
