/**
 * The node:http server: timeouts against slow or abandoned clients, a deep listen backlog for bursts,
 * and a close that ends every connection. Port in use and the like become a TargetError (exit 3).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TargetError } from "../model/errors.js";
import type { MockSettings } from "./options.js";

const CLIENT_ERROR_STATUS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
};

/** A server with the mock's timeouts around `listener`. */
export function createMockServer(
  settings: MockSettings,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.requestTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(25, Math.min(30_000, Math.floor(settings.requestTimeoutMs / 4))),
    },
    listener,
  );
  // A socket error (reset, malformed request) concerns that client only.
  // A socket error (timeout, reset, malformed request) concerns that client only.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    const status = CLIENT_ERROR_STATUS[error.code ?? ""] ?? "400 Bad Request";
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

/** Listens; resolves with the bound address, rejects with a one-line TargetError. */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      const why =
        error.code === "EADDRINUSE"
          ? `port ${port} is already in use; choose another --port (0 picks a free one)`
          : error.code === "EACCES"
            ? `not allowed to listen on ${where}; use a port above 1023`
            : error.message;
      reject(new TargetError(`mock cannot listen on ${where}: ${why}`, { cause: error }));
    };
    server.once("error", onError);
    server.listen({ host, port, backlog: 2048 }, () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops accepting, ends every open connection, resolves when the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
