/**
 * Local stand-ins for the gateways of lib/delivery, each on 127.0.0.1 and a port of its own: an HTTP receiver
 * that records every request and answers from a queue the test fills (500, 500, then 200 …, or never), an
 * SMTP server (no TLS, login optional) that records every mail, parsed, and a server that never says a word.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent: `/robot/send?access_token=…&timestamp=…`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer; "hang": none at all (the connection stays open until the caller gives up or the receiver closes). */
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | "hang";

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: ReceivedRequest[];
  /** Answers to the next requests, in order; once they are used up every request gets the fallback. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** What both robots answer when they take a message. */
export const ROBOT_OK: Reply = { status: 200, body: '{"errcode":0,"errmsg":"ok"}', headers: { "content-type": "application/json" } };

export async function startHttpReceiver(fallback: Reply = ROBOT_OK): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const queue: Reply[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = queue.shift() ?? fallback;
      if (reply === "hang") {
        hanging.push(response);
        return;
      }
      response.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8", ...reply.headers });
      response.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that takes connections and never says a word (an SMTP server that never greets). */
export async function startSilentServer(): Promise<{ port: number; connections: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    silent.connections++;
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const silent = {
    port: (server.address() as AddressInfo).port,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return silent;
}

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago): connecting to it is refused. */
export async function unusedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ReceivedMail {
  /** The envelope, as the client gave it in MAIL FROM and RCPT TO. */
  from: string | null;
  to: string[];
  /** The user the client logged in as, or null. */
  user: string | null;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  /** Every login attempt (each is accepted). */
  logins: { username: string; password: string }[];
  /** Connections opened so far. */
  connections: number;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const receiver: SmtpReceiver = { port: 0, mails, logins: [], connections: 0, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      receiver.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      receiver.logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
      callback(null, { user: auth.username ?? "" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        // The mail is recorded before the client hears 250: once sendMail resolves, it is in `mails`.
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom;
            mails.push({
              from: from === false ? null : from.address,
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              user: typeof session.user === "string" ? session.user : null,
              raw: raw.toString("utf8"),
              parsed,
            });
            callback(null, "OK: queued");
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.port = (server.server.address() as AddressInfo).port;
  return receiver;
}
