/**
 * A small ordering flow that uses every feature the step has: INIT with a loader, a navigate link, a
 * refresh_on_back screen, per-field errors through a Form's `error-messages`, context, completion, and
 * handlers that fail, time out or answer badly on request (`data.mode`).
 *
 *   MENU --data_exchange--> DETAILS --data_exchange--> CONFIRM --data_exchange--> SUCCESS
 *   MENU --navigate--> ABOUT;  DETAILS has refresh_on_back (BACK reloads MENU)
 *
 * @example
 * const { flow, calls } = createOrderFlow();
 * await step(flow, undefined, { action: "INIT", flow_token: "t" });
 */
import type { Screen } from "../../src/flow-json/types.js";
import { defineFlow } from "../../src/machine/index.js";

const MENU = {
  id: "MENU",
  title: "Menu",
  data: { greeting: { type: "string", __example__: "Hi" } },
  layout: {
    type: "SingleColumnLayout",
    children: [
      { type: "TextHeading", text: "${data.greeting}" },
      { type: "TextInput", name: "item", label: "Item" },
      {
        type: "EmbeddedLink",
        text: "About us",
        "on-click-action": { name: "navigate", next: { type: "screen", name: "ABOUT" }, payload: {} },
      },
      {
        type: "Footer",
        label: "Next",
        "on-click-action": { name: "data_exchange", payload: { item: "${form.item}" } },
      },
    ],
  },
} satisfies Screen;

const DETAILS = {
  id: "DETAILS",
  title: "Details",
  refresh_on_back: true,
  data: {
    item: { type: "string", __example__: "tea" },
    errors: { type: "object", properties: { qty: { type: "string" } }, __example__: {} },
  },
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "Form",
        name: "form",
        "error-messages": "${data.errors}",
        children: [
          { type: "TextInput", name: "qty", label: "Quantity", "input-type": "number" },
          {
            type: "Footer",
            label: "Order",
            "on-click-action": { name: "data_exchange", payload: { qty: "${form.qty}" } },
          },
        ],
      },
    ],
  },
} satisfies Screen;

const CONFIRM = {
  id: "CONFIRM",
  title: "Confirm",
  terminal: true,
  data: { summary: { type: "string", __example__: "2 x tea" } },
  layout: {
    type: "SingleColumnLayout",
    children: [
      { type: "TextBody", text: "${data.summary}" },
      { type: "Footer", label: "Confirm", "on-click-action": { name: "data_exchange", payload: {} } },
    ],
  },
} satisfies Screen;

const ABOUT = {
  id: "ABOUT",
  title: "About",
  layout: { type: "SingleColumnLayout", children: [{ type: "TextBody", text: "We sell tea." }] },
} satisfies Screen;

/** The screens of the order flow. */
export const orderScreens = { MENU, DETAILS, CONFIRM, ABOUT };

/** What the order flow's handlers saw, for assertions. */
export interface OrderCalls {
  readonly signals: AbortSignal[];
  readonly loads: string[];
}

/** A fresh order flow and the record of its handler calls. */
export function createOrderFlow() {
  const calls: OrderCalls = { signals: [], loads: [] };
  const flow = defineFlow({
    id: "order",
    version: "7.3",
    screens: orderScreens,
    context: { item: "", orders: 0 },
  }).createFlow({
    states: {
      MENU: {
        load: ({ context }) => {
          calls.loads.push("MENU");
          return { greeting: context.item === "" ? "Welcome" : `Back for more ${context.item}?` };
        },
        data_exchange: {
          targets: ["DETAILS"],
          examples: { DETAILS: { item: "tea" }, MENU: { item: "" } },
          run: async ({ data, reply }) => {
            const item = typeof data["item"] === "string" ? data["item"] : "";
            if (item === "") return reply.refresh({ errorMessage: "Pick an item" });
            return reply.screen("DETAILS", { item, errors: {} }, { context: { item } });
          },
        },
      },
      DETAILS: {
        data_exchange: {
          targets: ["CONFIRM"],
          examples: { CONFIRM: { qty: "2" }, DETAILS: { qty: "0" } },
          run: async ({ data, reply, context, signal }) => {
            calls.signals.push(signal);
            switch (data["mode"]) {
              case "throw":
                throw new Error("stock service unavailable");
              case "slow":
                return new Promise<never>((_, reject) =>
                  signal.addEventListener("abort", () => reject(new Error("aborted by the step"))),
                );
              case "bad":
                return reply.screen("CONFIRM", { summary: 5 } as never);
              case "undeclared":
                return reply.screen("MENU" as "CONFIRM", { summary: "x" });
              case "garbage":
                return { screen: "CONFIRM" } as never;
              case "partial":
                return reply.refresh({ data: { item: "coffee" } });
              default:
                break;
            }
            const qty = Number(data["qty"]);
            if (!Number.isInteger(qty) || qty < 1)
              return reply.refresh({ fieldErrors: { qty: "At least 1" } });
            return reply.screen("CONFIRM", { summary: `${qty} x ${context.item}` });
          },
        },
      },
      CONFIRM: {
        data_exchange: {
          complete: true,
          examples: { SUCCESS: {} },
          run: async ({ reply, context }) =>
            reply.complete(
              { item: context.item, flow_token: "forged" },
              { context: { orders: context.orders + 1 } },
            ),
        },
      },
    },
  });
  return { flow, calls };
}
