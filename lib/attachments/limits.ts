/** Limits and messages for report attachments. Pure: shared by the route handlers, the service and the form. */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** A multipart body carries the file plus its headers and boundaries. */
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;
export const MAX_ATTACHMENTS_PER_REPORT = 20;
export const MAX_FILENAME_CHARS = 120;

export const ATTACHMENT_MESSAGES = {
  tooLarge: "文件过大：单个附件不能超过 20 MB",
  wrongType: "文件类型不符：只接受 PDF、图片、Word、Excel",
  empty: "文件是空的，请重新选择",
  noFile: "请选择一个要上传的文件",
  tooMany: `每份报告最多 ${MAX_ATTACHMENTS_PER_REPORT} 个附件`,
  incomplete: "上传不完整，请重试",
  saveFirst: "请先保存草稿，再上传附件",
  notEditable: "本期报告已报送或正在审阅，附件不能再修改",
  badOrigin: "请求来源不符，已拒绝",
} as const;

/** What the file picker offers (a hint only: the server decides by the file's content). */
export const ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx";

/** 1.5 MB / 320 KB / 12 B */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${Number((size / 1024 / 1024).toFixed(1))} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} B`;
}
