import net from 'node:net';

/**
 * TCP endpoints on 127.0.0.1 that misbehave the way networks do: a closed port, a port that
 * accepts and never answers (a half-dead service, or a proxy), and one that hangs up at once.
 */
export interface TcpEndpoint {
  port: number;
  close(): Promise<void>;
}

/** A port that was free a moment ago; connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function silentServer(): Promise<TcpEndpoint> {
  return serve(() => undefined);
}

export function hangUpServer(): Promise<TcpEndpoint> {
  return serve((socket) => socket.destroy());
}

export async function serve(onSocket: (socket: net.Socket) => void): Promise<TcpEndpoint> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
