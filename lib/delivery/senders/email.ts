/**
 * E-mail over SMTP (nodemailer): subject the title, plain-text body the text and the link, UTF-8. One
 * connection per message, each of its steps bounded by the timeout.
 */
import nodemailer from "nodemailer";
import type { DeliveryAnswer, EmailConfig, OutgoingMessage } from "../channels";
import { emailText } from "../message-text";
import { failure, type SendSettings, trimAnswer } from "./answer";

/** The Chinese explanation of nodemailer's error codes. */
function explain(error: unknown, timeoutMs: number): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case "ETIMEDOUT":
      return `邮件服务器在 ${timeoutMs / 1000} 秒内没有应答`;
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return "连接邮件服务器失败";
    case "ETLS":
      return "与邮件服务器建立加密连接失败";
    case "EAUTH":
    case "ENOAUTH":
      return "邮件服务器拒绝登录（请检查用户名和密码）";
    case "EENVELOPE":
      return "邮件服务器拒绝发件人或收件人";
    case "EMESSAGE":
      return "邮件服务器拒绝这封邮件";
    default:
      return "发送邮件失败";
  }
}

export async function sendEmail(config: EmailConfig, message: OutgoingMessage, settings: SendSettings): Promise<DeliveryAnswer> {
  const to = message.email?.trim();
  if (!to) return { ok: false, answer: "收件人未填写电子邮箱" };
  const timeout = settings.timeoutMs;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.username === null ? undefined : { user: config.username, pass: config.password ?? "" },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  try {
    const info = await transport.sendMail({ from: config.from, to, subject: message.title, text: emailText(message) });
    const answer = trimAnswer(info.response || "邮件服务器已接收");
    return info.rejected.length > 0 ? { ok: false, answer: trimAnswer(`邮件服务器拒绝收件人: ${answer}`) } : { ok: true, answer };
  } catch (error) {
    return failure(explain(error, timeout), error);
  } finally {
    transport.close();
  }
}
