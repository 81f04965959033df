/**
 * A strict multipart/form-data parser (RFC 7578) for the Graph API stand-in: it reads the bytes the client
 * really sent, part by part, with each part's name, filename and content type.
 */

export interface MultipartPart {
  readonly name: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

/** The boundary of a `multipart/form-data; boundary=...` content type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function parseDisposition(value: string): { name?: string; filename?: string } {
  if (!/^form-data\s*;/i.test(value)) throw new Error(`Content-Disposition is not form-data: ${value}`);
  const name = /\bname="([^"]*)"/i.exec(value)?.[1];
  const filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
  return { ...(name === undefined ? {} : { name }), ...(filename === undefined ? {} : { filename }) };
}

/** Splits `body` into parts; throws on any structural error (missing boundary, headers or name). */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new Error("The body does not start with the boundary.");
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === "--") return parts;
    if (body.subarray(position, position + 2).toString() !== "\r\n")
      throw new Error("Missing CRLF after a boundary.");
    position += 2;
    const headerEnd = body.indexOf("\r\n\r\n", position);
    if (headerEnd < 0) throw new Error("A part has no header block.");
    const headers = new Map<string, string>();
    for (const line of body.subarray(position, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon <= 0) throw new Error(`Malformed part header: ${line}`);
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new Error("A part is not closed by the boundary.");
    const disposition = parseDisposition(headers.get("content-disposition") ?? "");
    if (disposition.name === undefined) throw new Error("A part has no name.");
    parts.push({
      name: disposition.name,
      filename: disposition.filename,
      contentType: headers.get("content-type"),
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
}
