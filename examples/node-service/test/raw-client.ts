import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** A raw TCP client of `server`, for what `fetch` cannot do: stall, trickle, or hang up mid-request. */
export function openRawClient(server: Server): {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
} {
  const { port } = server.address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8').on('data', (data: string) => {
    received += data;
  });
  socket.on('error', () => {}); // a reset by the server is an outcome the tests read from `closed`
  const closed = once(socket, 'close').then(() => undefined);
  return { socket, received: () => received, closed };
}

/** The request line and headers of a JSON POST to `/evaluate` whose body is `contentLength` bytes. */
export function postHead(contentLength: number): string {
  return (
    'POST /evaluate HTTP/1.1\r\nHost: service.test\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${contentLength}\r\n\r\n`
  );
}
