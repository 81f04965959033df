/**
 * The crypto known-answer vectors of `../shared/corpus/crypto-kat/flows-endpoint-kat.json`, typed.
 * They were produced outside this project (Python `cryptography`, re-checked with Node): read them,
 * never regenerate them with our own code.
 */
import { readSharedJson } from "./shared-path.js";

export interface KatRequestCase {
  readonly request_http_body: {
    readonly encrypted_flow_data: string;
    readonly encrypted_aes_key: string;
    readonly initial_vector: string;
  };
  readonly expected_decrypted_request_utf8: string;
  readonly response_plaintext_utf8: string;
  readonly expected_response_body_base64: string;
}

export interface CryptoKat {
  readonly rsa_private_key_pkcs8_pem: string;
  readonly rsa_public_key_spki_pem: string;
  readonly aes_key_hex: string;
  readonly initial_vector_hex: string;
  readonly flipped_iv_hex: string;
  readonly data_exchange_cases: readonly KatRequestCase[];
  readonly x_hub_signature_256: {
    readonly app_secret: string;
    readonly raw_body_utf8: string;
    readonly expected_header: string;
  };
  readonly media_upload: {
    readonly cdn_file_base64: string;
    readonly encryption_metadata: {
      readonly encrypted_hash: string;
      readonly iv: string;
      readonly encryption_key: string;
      readonly hmac_key: string;
      readonly plaintext_hash: string;
    };
    readonly expected_plaintext_base64: string;
  };
}

/** The parsed vector file. */
export const kat = readSharedJson("corpus/crypto-kat/flows-endpoint-kat.json") as CryptoKat;

/** The first request case whose decrypted payload has `action`. */
export function katCase(action: string): KatRequestCase {
  const found = kat.data_exchange_cases.find(
    (item) => (JSON.parse(item.expected_decrypted_request_utf8) as { action?: string }).action === action,
  );
  if (found === undefined) throw new Error(`no KAT case with action ${action}`);
  return found;
}
