/**
 * Checks every component against the catalog: a known `type`, available in the flow's version, with
 * only the properties Meta documents for it (each within its version, type and limits) and all the
 * required ones.
 *
 * @example
 * // { "version": "6.0", ... { "type": "CalendarPicker", ... } }
 * // INVALID_ENUM_VALUE at .../type: "Component 'CalendarPicker' requires Flow JSON version 6.1 or later; this flow uses 6.0."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { COMPONENT_TYPES } from "../component-catalog.js";
import { isAtLeast } from "../versions.js";
import { appendPointer } from "./json-pointer.js";
import { checkObject } from "./property-checks.js";
import { describeType } from "./scalar-checks.js";
import type { ValidationRule } from "./validation-rule.js";

/** Reports unknown or too-new components and any property the catalog does not accept. */
export const checkComponentProperties: ValidationRule = (index, out) => {
  const context = { version: index.version, out };
  for (const screen of index.screens) {
    for (const node of screen.components) {
      const typePointer = appendPointer(node.pointer, "type");
      if (node.type === undefined) {
        if (Object.hasOwn(node.value, "type")) {
          out.error(
            "INVALID_PROPERTY_TYPE",
            typePointer,
            `Component 'type' must be a string, not ${describeType(node.value["type"])}.`,
          );
        } else {
          out.error(
            "MISSING_REQUIRED_PROPERTY",
            node.pointer,
            "Missing required property 'type' in component.",
          );
        }
      } else if (node.spec === undefined) {
        out.error(
          "INVALID_ENUM_VALUE",
          typePointer,
          `Unknown component type '${node.type}'. Known types: ${COMPONENT_TYPES.join(", ")}.`,
        );
      } else if (!isAtLeast(index.version, node.spec.since)) {
        out.error(
          "INVALID_ENUM_VALUE",
          typePointer,
          `Component '${node.type}' requires Flow JSON version ${node.spec.since} or later; this flow uses ${index.version}.`,
        );
      } else {
        checkObject(node.value, node.spec, node.pointer, context, ["type"]);
      }
    }
  }
};
