/**
 * Sends one INIT to a running data endpoint exactly as WhatsApp does, and prints the decrypted reply:
 * a random AES-128 key wrapped with RSA-OAEP-SHA-256 for the endpoint's public key, the request sealed
 * with AES-128-GCM under a random 16-byte IV, and the reply opened with the inverted IV.
 *
 * Start the server with `npm start` (it writes .flowmachine/public.pem), then in the same folder:
 *   npx tsx examples/send-init.ts [URL] [PUBLIC_KEY_PEM]
 * Set APP_SECRET when the server checks signatures (--app-secret-env APP_SECRET).
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHmac,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { readFile } from "node:fs/promises";

const url = process.argv[2] ?? "http://127.0.0.1:3000/flow";
const publicKey = await readFile(process.argv[3] ?? ".flowmachine/public.pem", "utf8");
const request = { version: "3.0", action: "INIT", flow_token: `example-${randomBytes(8).toString("hex")}` };

// Encrypt: AES-128-GCM with a fresh key and IV; the key travels RSA-OAEP-wrapped; the tag follows the data.
const aesKey = randomBytes(16);
const iv = randomBytes(16);
const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
const sealed = Buffer.concat([cipher.update(JSON.stringify(request)), cipher.final(), cipher.getAuthTag()]);
const wrappedKey = publicEncrypt(
  { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
  aesKey,
);
const body = JSON.stringify({
  encrypted_flow_data: sealed.toString("base64"),
  encrypted_aes_key: wrappedKey.toString("base64"),
  initial_vector: iv.toString("base64"),
});

// Sign like Meta when the endpoint checks X-Hub-Signature-256.
const headers: Record<string, string> = { "content-type": "application/json" };
const appSecret = process.env["APP_SECRET"];
if (appSecret)
  headers["x-hub-signature-256"] = `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;

console.log(`POST ${url}\n${JSON.stringify(request)}`);
const response = await fetch(url, { method: "POST", headers, body });
const text = await response.text();
console.log(`HTTP ${response.status}`);
if (text === "") process.exit(response.status === 200 ? 0 : 1);

// Decrypt: same AES key, every IV byte inverted, the last 16 bytes are the tag.
const reply = Buffer.from(text, "base64");
const decipher = createDecipheriv(
  "aes-128-gcm",
  aesKey,
  iv.map((byte) => byte ^ 0xff),
);
decipher.setAuthTag(reply.subarray(reply.length - 16));
const plain = Buffer.concat([decipher.update(reply.subarray(0, reply.length - 16)), decipher.final()]);
console.log(JSON.stringify(JSON.parse(plain.toString("utf8")), null, 2));
process.exitCode = response.status === 200 ? 0 : 1;
