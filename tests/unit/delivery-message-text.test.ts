import { describe, expect, it } from "vitest";
import { emailText, messageText } from "@/lib/delivery/message-text";

const message = { title: "关于报送6月上半月进展的催办", text: "请于6月15日前报送。", link: "https://luoshi.example.gov.cn/reports/7" };

describe("the text robots and SMS send", () => {
  it("【落实】title, text and link, one per line", () => {
    expect(messageText(message)).toBe("【落实】关于报送6月上半月进展的催办\n请于6月15日前报送。\nhttps://luoshi.example.gov.cn/reports/7");
  });

  it("no link, no line for it; an empty text leaves no blank line", () => {
    expect(messageText({ ...message, link: null })).toBe("【落实】关于报送6月上半月进展的催办\n请于6月15日前报送。");
    expect(messageText({ ...message, text: "" })).toBe("【落实】关于报送6月上半月进展的催办\nhttps://luoshi.example.gov.cn/reports/7");
    expect(messageText({ title: "通报", text: "", link: null })).toBe("【落实】通报");
  });
});

describe("an e-mail's body", () => {
  it("the text, a blank line, the link", () => {
    expect(emailText(message)).toBe("请于6月15日前报送。\n\nhttps://luoshi.example.gov.cn/reports/7");
    expect(emailText({ ...message, link: null })).toBe("请于6月15日前报送。");
  });
});
