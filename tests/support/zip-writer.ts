/**
 * Writes real ZIP archives (deflated parts) for the tests, streaming: a part given as a chunk
 * repeated many times is compressed as it is produced, so a test builds a 300 MB zip bomb while
 * holding one chunk and the compressed output. A part may declare another unpacked size than it
 * has (`declaredSize`), as a lying archive does.
 */
import { crc32, createDeflateRaw } from "node:zlib";

export interface ZipPart {
  name: string;
  /** The part's content: text, or `chunk` repeated `times` times (after `head`, before `tail`). */
  content: string | { head?: string; chunk: string; times: number; tail?: string };
  /** The unpacked size written in the archive's headers (default: the real one). */
  declaredSize?: number;
}

async function deflate(content: ZipPart["content"]): Promise<{ data: Buffer; size: number; crc: number }> {
  const parts = typeof content === "string" ? { head: content, chunk: "", times: 0, tail: "" } : content;
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (buffer: Buffer) => {
    size += buffer.length;
    crc = crc32(buffer, crc);
    if (!deflater.write(buffer)) await new Promise((resolve) => deflater.once("drain", resolve));
  };
  if (parts.head) await write(Buffer.from(parts.head));
  const chunk = Buffer.from(parts.chunk);
  for (let i = 0; i < parts.times; i++) await write(chunk);
  if (parts.tail) await write(Buffer.from(parts.tail));
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

export async function writeZip(parts: readonly ZipPart[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const { data, size, crc } = await deflate(part.content);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // time, date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** An .xlsx whose one sheet is `chunk` (rows and cells) repeated `times` times. */
export function workbookWith(sheet: { chunk: string; times: number }, declaredSize?: number): Promise<Uint8Array> {
  return writeZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "xl/workbook.xml", content: WORKBOOK },
    { name: "xl/worksheets/sheet1.xml", content: { head: SHEET_HEAD, ...sheet, tail: SHEET_TAIL }, ...(declaredSize === undefined ? {} : { declaredSize }) },
  ]);
}

const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>';
const DOCUMENT_TAIL = "</w:tbl></w:body></w:document>";

/** A .docx whose body is one table of `chunk` (rows and cells) repeated `times` times. */
export function wordWith(table: { chunk: string; times: number }, declaredSize?: number): Promise<Uint8Array> {
  return writeZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "word/document.xml", content: { head: DOCUMENT_HEAD, ...table, tail: DOCUMENT_TAIL }, ...(declaredSize === undefined ? {} : { declaredSize }) },
  ]);
}
