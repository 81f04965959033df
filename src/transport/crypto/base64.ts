/**
 * Strict base64 (RFC 4648) for the data channel: the standard alphabet with padding, as Meta sends
 * it, and the URL-safe alphabet without padding for flow tokens. Decoding is canonical: it refuses
 * whitespace, misplaced padding and non-zero trailing bits, so every accepted text maps to exactly
 * one byte string and back (a changed character never decodes to the same bytes).
 */

const standardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PAD = 0x3d; // "="

interface Codec {
  readonly encodeTable: Uint8Array;
  readonly decodeTable: Int8Array;
  readonly padded: boolean;
}

function makeCodec(alphabet: string, padded: boolean): Codec {
  const encodeTable = new Uint8Array(64);
  const decodeTable = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    const code = alphabet.charCodeAt(i);
    encodeTable[i] = code;
    decodeTable[code] = i;
  }
  return { encodeTable, decodeTable, padded };
}

const standard = makeCodec(standardAlphabet, true);
const url = makeCodec(urlAlphabet, false);
const ascii = new TextDecoder();

function encode(bytes: Uint8Array, codec: Codec): string {
  const { encodeTable: t, padded } = codec;
  const whole = bytes.length - (bytes.length % 3);
  const rest = bytes.length - whole;
  const outLength = (whole / 3) * 4 + (rest === 0 ? 0 : padded ? 4 : rest + 1);
  const out = new Uint8Array(outLength);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = t[n >>> 18] as number;
    out[o++] = t[(n >>> 12) & 63] as number;
    out[o++] = t[(n >>> 6) & 63] as number;
    out[o++] = t[n & 63] as number;
  }
  if (rest > 0) {
    const n = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[o++] = t[n >>> 18] as number;
    out[o++] = t[(n >>> 12) & 63] as number;
    if (rest === 2) out[o++] = t[(n >>> 6) & 63] as number;
    else if (padded) out[o++] = PAD;
    if (padded) out[o++] = PAD;
  }
  return ascii.decode(out);
}

function decode(text: string, codec: Codec): Uint8Array<ArrayBuffer> | undefined {
  const { decodeTable: t, padded } = codec;
  let length = text.length;
  if (padded) {
    if (length % 4 !== 0) return undefined;
    if (length > 0 && text.charCodeAt(length - 1) === PAD) length--;
    if (length > 0 && text.charCodeAt(length - 1) === PAD) length--;
  }
  const tail = length % 4;
  if (tail === 1) return undefined;
  const out = new Uint8Array(((length - tail) / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let o = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (t[code] as number) : -1;
    if (value < 0) return undefined;
    n = (n << 6) | value;
    if ((i & 3) === 3) {
      out[o++] = n >>> 16;
      out[o++] = (n >>> 8) & 255;
      out[o++] = n & 255;
      n = 0;
    }
  }
  if (tail === 2) {
    if ((n & 0xf) !== 0) return undefined;
    out[o] = n >>> 4;
  } else if (tail === 3) {
    if ((n & 0x3) !== 0) return undefined;
    out[o++] = n >>> 10;
    out[o] = (n >>> 2) & 255;
  }
  return out;
}

/** Standard base64 with padding, as the data endpoint's response body. */
export function encodeBase64(bytes: Uint8Array): string {
  return encode(bytes, standard);
}

/** Decodes canonical, padded, standard base64; `undefined` for anything else. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  return decode(text, standard);
}

/** URL-safe base64 without padding (flow tokens). */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encode(bytes, url);
}

/** Decodes canonical URL-safe base64 without padding; `undefined` for anything else. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  return decode(text, url);
}
