import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "@/lib/delivery/channels";
import { dingtalkPayload, dingtalkSign, dingtalkUrl } from "@/lib/delivery/senders/dingtalk";
import { wecomPayload } from "@/lib/delivery/senders/wecom";

/**
 * DingTalk's documented 加签, written out again here: HmacSHA256 with the secret as key over
 * `timestamp + "\n" + secret`, Base64, then URL-encoded (URLSearchParams, not the encodeURIComponent the code uses).
 */
function documentedSign(secret: string, timestamp: number): string {
  const base64 = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  return new URLSearchParams({ sign: base64 }).toString().slice("sign=".length);
}

const message: OutgoingMessage = { title: "催办", text: "请报送进展", link: "https://luoshi.example.gov.cn/reports/7", mobile: "13800000000", email: null };

describe("钉钉加签", () => {
  it("matches vectors computed outside this code (openssl dgst -sha256 -hmac, Python quote_plus)", () => {
    expect(dingtalkSign("SECabc", 1700000000000)).toBe("jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D");
    // A signature whose Base64 has both + and /: both must be escaped, or DingTalk reads + as a space.
    expect(dingtalkSign("SECabc", 1700000000011)).toBe("xExLZuBAxaIrop0wGL20%2F%2Bdu634TRY5oq4uQ3Y9B5rw%3D");
    // The secret is UTF-8 on both sides of the HMAC.
    expect(dingtalkSign("SEC加签密钥", 1700000000000)).toBe("HklQdw%2BNu9LgJdNqajKRzSSgEmZHS9ZJrlpwWijpvgw%3D");
  });

  it("agrees with the documented formula over many timestamps and secrets", () => {
    for (let i = 0; i < 200; i++) {
      const timestamp = 1700000000000 + i * 7919;
      const secret = `SEC${(i * 2654435761).toString(16)}${"x".repeat(i % 5)}`;
      expect(dingtalkSign(secret, timestamp)).toBe(documentedSign(secret, timestamp));
    }
  });

  it("appends timestamp and sign to the webhook only when the robot has a secret", () => {
    const webhook = "https://oapi.dingtalk.com/robot/send?access_token=abc123";
    expect(dingtalkUrl({ kind: "dingtalk", webhook, secret: "SECabc" }, 1700000000000)).toBe(
      `${webhook}&timestamp=1700000000000&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D`,
    );
    expect(dingtalkUrl({ kind: "dingtalk", webhook, secret: null }, 1700000000000)).toBe(webhook);
    expect(dingtalkUrl({ kind: "dingtalk", webhook: "http://10.1.2.3/robot/send", secret: "SECabc" }, 1700000000000)).toBe(
      "http://10.1.2.3/robot/send?timestamp=1700000000000&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D",
    );
  });
});

describe("robot payloads", () => {
  it("钉钉: a text message, @ the recipient's mobile when known", () => {
    const content = "【落实】催办\n请报送进展\nhttps://luoshi.example.gov.cn/reports/7";
    expect(dingtalkPayload(message)).toEqual({ msgtype: "text", text: { content }, at: { atMobiles: ["13800000000"] } });
    expect(dingtalkPayload({ ...message, mobile: null })).toEqual({ msgtype: "text", text: { content } });
  });

  it("企业微信: a text message, mentioning the recipient's mobile when known", () => {
    const content = "【落实】催办\n请报送进展\nhttps://luoshi.example.gov.cn/reports/7";
    expect(wecomPayload(message)).toEqual({ msgtype: "text", text: { content, mentioned_mobile_list: ["13800000000"] } });
    expect(wecomPayload({ ...message, mobile: null })).toEqual({ msgtype: "text", text: { content } });
  });
});
