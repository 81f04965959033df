/**
 * `flowmachine keys upload`: uploads the business public key of a phone number
 * (`POST /{PHONE_NUMBER_ID}/whatsapp_business_encryption`) and reads back its signature status. The
 * `keys` command group calls {@link runKeysUpload} for its `upload` subcommand.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CommandIo } from "./command.js";
import {
  UsageError,
  graphClientFor,
  graphOptionsUsage,
  parseGraphArgs,
  runGraphCommand,
} from "./graph-cli-options.js";

/** Usage text of `keys upload`. */
export const keysUploadUsage = `Usage:
  flowmachine keys upload --phone-number-id ID --public-key FILE [options]

Uploads the PEM public key (never the private one) for one phone number; repeat for each number of the WABA.

Options:
${graphOptionsUsage}
`;

/** One line for the `keys` group's help. */
export const keysUploadSummary = "Upload the business public key of a phone number (Graph API)";

/**
 * Runs `keys upload` with the arguments after `upload`; returns the exit status (0 uploaded, 1 refused by
 * Meta or unreadable file, 2 usage).
 *
 * @example
 * // in the keys group: if (sub === "upload") return runKeysUpload(rest, io);
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export function runKeysUpload(args: readonly string[], io: CommandIo): Promise<number> {
  return runGraphCommand("keys upload", keysUploadUsage, io, async () => {
    const { values, positionals } = parseGraphArgs(args, {
      "phone-number-id": { type: "string" },
      "public-key": { type: "string" },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0] ?? ""}'.`);
    const phoneNumberId = values["phone-number-id"];
    const keyFile = values["public-key"];
    if (phoneNumberId === undefined || keyFile === undefined)
      throw new UsageError("--phone-number-id and --public-key are required.");
    const client = graphClientFor(values, io);
    let pem: string;
    try {
      pem = await readFile(resolve(io.cwd, keyFile), "utf8");
    } catch (error) {
      throw new Error(`cannot read ${keyFile}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    await client.encryption.setBusinessPublicKey(phoneNumberId, pem);
    const stored = await client.encryption.getBusinessPublicKey(phoneNumberId);
    const status = stored?.business_public_key_signature_status ?? "unknown";
    if (values.json === true) {
      io.stdout(
        `${JSON.stringify({ phone_number_id: phoneNumberId, uploaded: true, business_public_key_signature_status: status }, null, 2)}\n`,
      );
      return;
    }
    io.stdout(
      `Uploaded the business public key for phone number ${phoneNumberId} (signature status: ${status}).\n`,
    );
  });
}
