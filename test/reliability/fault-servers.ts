/** Tiny misbehaving servers on 127.0.0.1 for the fault-injection suite: each breaks HTTP in one way. */
import { createServer, type Server, type Socket } from "node:net";

/** How a fault server treats every connection. */
export type Fault = "never" | "garbage" | "reset" | "endless" | "huge-headers" | "drip";

const BEHAVIOURS: Record<Fault, (socket: Socket) => void> = {
  never: () => {},
  garbage: (s) => s.write("SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n"),
  reset: (s) => s.resetAndDestroy(),
  endless: (s) => {
    s.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
    const chunk = `4000\r\n${"x".repeat(0x4000)}\r\n`;
    const timer = setInterval(() => s.writable && s.write(chunk), 1);
    s.on("close", () => clearInterval(timer));
  },
  "huge-headers": (s) => {
    s.write(`HTTP/1.1 200 OK\r\nx-big: ${"a".repeat(200_000)}\r\ncontent-length: 2\r\n\r\n{}`);
  },
  drip: (s) => {
    const text = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";
    let i = 0;
    const timer = setInterval(() => (i < text.length && s.writable ? s.write(text[i++] as string) : 0), 200);
    s.on("close", () => clearInterval(timer));
  },
};

export interface FaultServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server that misbehaves as `fault` on every connection (reads and ignores the request). */
export async function startFaultServer(fault: Fault): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", () => BEHAVIOURS[fault](socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
