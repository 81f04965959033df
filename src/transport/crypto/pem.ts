/**
 * Reading a PEM block (RFC 7468, with the RFC 1421 headers that legacy encrypted PKCS#1 keys carry:
 * `Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`).
 */
import { decodeBase64 } from "./base64.js";

/** One PEM block: its label (`PRIVATE KEY`), its headers and the DER bytes it wraps. */
export interface PemBlock {
  readonly label: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly der: Uint8Array<ArrayBuffer>;
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const headerPattern = /^([A-Za-z0-9-]+):\s*(.*)$/;

/** True when `text` looks like PEM (so callers can tell PEM bytes from DER bytes). */
export function looksLikePem(text: string): boolean {
  return text.trimStart().startsWith("-----BEGIN ");
}

/**
 * `text` with LF line ends, where literal `\n` sequences (how multi-line secrets often travel
 * through environment variables) and CRLF become real newlines.
 */
export function normalisePem(text: string): string {
  return text.replace(/\\r\\n|\\n/g, "\n").replace(/\r\n?/g, "\n");
}

/**
 * Parses the first PEM block in `text` (normalised by `normalisePem`); `undefined` when there is
 * none or its body is not base64.
 */
export function parsePem(text: string): PemBlock | undefined {
  const match = blockPattern.exec(normalisePem(text));
  if (match === null) return undefined;
  const label = match[1] as string;
  const lines = (match[2] as string).split("\n").map((line) => line.trim());
  const headers = new Map<string, string>();
  let bodyStart = 0;
  if (lines.some((line) => headerPattern.test(line))) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const header = headerPattern.exec(line);
      if (header !== null) {
        headers.set((header[1] as string).toLowerCase(), header[2] as string);
        bodyStart = i + 1;
      } else if (line !== "" || headers.size > 0) {
        break;
      }
    }
  }
  const der = decodeBase64(lines.slice(bodyStart).join(""));
  if (der === undefined || der.length === 0) return undefined;
  return { label, headers, der };
}

/**
 * True for a passphrase-protected private key: PKCS#8 `ENCRYPTED PRIVATE KEY`, or a legacy PEM
 * (`RSA PRIVATE KEY`, ...) with the `Proc-Type: 4,ENCRYPTED` header.
 */
export function isEncryptedPem(block: PemBlock): boolean {
  return (
    block.label === "ENCRYPTED PRIVATE KEY" || block.headers.get("proc-type")?.includes("ENCRYPTED") === true
  );
}
