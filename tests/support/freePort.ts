// A free loopback port, found by letting the OS pick one: for servers the tests, the benchmark
// and the Lighthouse run start, so that runs side by side on one machine never collide.
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
