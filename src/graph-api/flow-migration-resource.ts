/**
 * Copying flows from one WhatsApp Business Account to another of the same business
 * (`POST /{DESTINATION_WABA_ID}/migrate_flows`).
 */
import { Schema } from "effect";
import { GraphApiInputError } from "./errors.js";
import { idSegment, requireId, type GraphTransport } from "./graph-transport.js";

/** Meta's limit of flow names per migration call. */
export const MAX_MIGRATED_FLOW_NAMES = 100;

/**
 * The answer of a migration: the copies made (new ids, same names and publish state) and the flows
 * that could not be copied.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export const MigrateFlowsResult = Schema.Struct({
  migrated_flows: Schema.Array(
    Schema.Struct({ source_name: Schema.String, source_id: Schema.String, migrated_id: Schema.String }),
  ),
  failed_flows: Schema.Array(
    Schema.Struct({ source_name: Schema.String, error_code: Schema.String, error_message: Schema.String }),
  ),
});
/** The decoded shape of {@link MigrateFlowsResult}. */
export type MigrateFlowsResult = typeof MigrateFlowsResult.Type;

/** Which flows to copy where. */
export interface MigrateFlowsOptions {
  readonly sourceWabaId: string;
  readonly destinationWabaId: string;
  /** 1 to 100 flow names of the source WABA. */
  readonly sourceFlowNames: readonly string[];
}

/**
 * `migrateFlows` bound to a transport; the names travel as a JSON array in the `source_flow_names`
 * query parameter, as Meta documents.
 *
 * @example
 * const result = await client.flows.migrate({ sourceWabaId: "111", destinationWabaId: "222", sourceFlowNames: ["Sign in"] });
 * for (const failed of result.failed_flows) console.error(failed.source_name, failed.error_message);
 */
export function createFlowMigrationResource(transport: GraphTransport) {
  return {
    migrate: async (options: MigrateFlowsOptions): Promise<MigrateFlowsResult> => {
      const names = options.sourceFlowNames;
      if (!Array.isArray(names) || names.length === 0 || names.length > MAX_MIGRATED_FLOW_NAMES) {
        throw new GraphApiInputError({
          field: "sourceFlowNames",
          message: `Give 1 to ${MAX_MIGRATED_FLOW_NAMES} flow names; split longer lists into several calls.`,
        });
      }
      if (names.some((name) => typeof name !== "string" || name.trim() === "")) {
        throw new GraphApiInputError({
          field: "sourceFlowNames",
          message: "Flow names must be non-empty strings.",
        });
      }
      return transport.call(
        {
          method: "POST",
          path: `/${idSegment("destinationWabaId", options.destinationWabaId)}/migrate_flows`,
          query: {
            source_waba_id: requireId("sourceWabaId", options.sourceWabaId),
            source_flow_names: JSON.stringify(names),
          },
          replaySafe: false,
        },
        MigrateFlowsResult,
      );
    },
  };
}
