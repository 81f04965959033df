/**
 * The DER structure of RSA private keys in PKCS#8, the only private-key DER WebCrypto reads, and
 * the wrapping of a PKCS#1 `RSAPrivateKey` (what `BEGIN RSA PRIVATE KEY` holds, and what Meta's
 * guide and `openssl genrsa` produce) into it:
 *
 * PrivateKeyInfo ::= SEQUENCE {
 *   version INTEGER (0),
 *   algorithm SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL },
 *   privateKey OCTET STRING (the PKCS#1 DER) }
 */

/** `INTEGER 0` followed by the rsaEncryption AlgorithmIdentifier, DER-encoded. */
const versionAndAlgorithm = Uint8Array.of(
  0x02, 0x01, 0x00,
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
); // prettier-ignore

const SEQUENCE = 0x30;
const OCTET_STRING = 0x04;
const INTEGER = 0x02;

/** DER length octets for `length` (short form below 128, long form above). */
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return [0x80 | octets.length, ...octets];
}

/** The size of the DER tag-and-length header at `offset`, or -1 when it is malformed. */
function headerSize(der: Uint8Array, offset: number): number {
  const first = der[offset + 1];
  if (first === undefined) return -1;
  if (first < 0x80) return 2;
  const count = first & 0x7f;
  return count === 0 || count > 4 ? -1 : 2 + count;
}

/**
 * True when `der` starts like a PKCS#1 RSAPrivateKey (SEQUENCE, INTEGER version, INTEGER modulus)
 * rather than a PKCS#8 PrivateKeyInfo (whose second element is a SEQUENCE).
 */
export function isPkcs1PrivateKey(der: Uint8Array): boolean {
  if (der[0] !== SEQUENCE) return false;
  const outer = headerSize(der, 0);
  if (outer < 0 || der[outer] !== INTEGER) return false;
  const versionLength = der[outer + 1];
  if (versionLength === undefined || versionLength >= 0x80) return false;
  return der[outer + 2 + versionLength] === INTEGER;
}

/** Wraps PKCS#1 RSAPrivateKey DER into PKCS#8 PrivateKeyInfo DER (one allocation, one copy). */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const octetHeader = [OCTET_STRING, ...derLength(pkcs1.length)];
  const contentLength = versionAndAlgorithm.length + octetHeader.length + pkcs1.length;
  const outerHeader = [SEQUENCE, ...derLength(contentLength)];
  const out = new Uint8Array(outerHeader.length + contentLength);
  out.set(outerHeader, 0);
  out.set(versionAndAlgorithm, outerHeader.length);
  out.set(octetHeader, outerHeader.length + versionAndAlgorithm.length);
  out.set(pkcs1, outerHeader.length + versionAndAlgorithm.length + octetHeader.length);
  return out;
}

const OBJECT_IDENTIFIER = 0x06;
/** The DER of OID 1.2.840.113549.1.1.1 (rsaEncryption), tag and length included. */
const rsaEncryptionOid = versionAndAlgorithm.subarray(5, 16);

/** What a PKCS#8 DER holds, as far as choosing an error goes. */
export type Pkcs8Kind = "rsa" | "other-algorithm" | "not-pkcs8";

/**
 * Reads the algorithm of a PKCS#8 PrivateKeyInfo: "rsa" for rsaEncryption, "other-algorithm" for
 * any other OID (EC, Ed25519, RSA-PSS, ...), "not-pkcs8" when the structure is not there at all.
 */
export function pkcs8Kind(der: Uint8Array): Pkcs8Kind {
  if (der[0] !== SEQUENCE) return "not-pkcs8";
  const outer = headerSize(der, 0);
  const versionLength = der[outer + 1];
  if (outer < 0 || der[outer] !== INTEGER || versionLength === undefined || versionLength >= 0x80) {
    return "not-pkcs8";
  }
  const algorithm = outer + 2 + versionLength;
  const algorithmHeader = headerSize(der, algorithm);
  if (der[algorithm] !== SEQUENCE || algorithmHeader < 0) return "not-pkcs8";
  const oid = algorithm + algorithmHeader;
  if (der[oid] !== OBJECT_IDENTIFIER) return "not-pkcs8";
  return rsaEncryptionOid.every((byte, i) => der[oid + i] === byte) ? "rsa" : "other-algorithm";
}
