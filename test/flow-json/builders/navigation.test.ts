import { describe, expect, it } from "vitest";
import {
  embeddedLink,
  footer,
  navigationItem,
  navigationList,
} from "../../../src/flow-json/builders/navigation.js";
import { complete, dataExchange, navigate, openUrl } from "../../../src/flow-json/builders/actions.js";
import { dataRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

describe("footer", () => {
  it("writes captions and its action in kebab-case", () => {
    expect(
      footer({
        label: "Pay",
        leftCaption: "Total",
        rightCaption: "$10",
        enabled: false,
        onClickAction: complete({ paid: true }),
      }),
    ).toStrictEqual({
      type: "Footer",
      label: "Pay",
      "left-caption": "Total",
      "right-caption": "$10",
      enabled: false,
      "on-click-action": { name: "complete", payload: { paid: true } },
    });
  });

  it("takes a center caption alone and a bound label", () => {
    expect(
      footer({ label: dataRef<string>("cta"), centerCaption: "Step 2", onClickAction: dataExchange() }),
    ).toStrictEqual({
      type: "Footer",
      label: "${data.cta}",
      "center-caption": "Step 2",
      "on-click-action": { name: "data_exchange", payload: {} },
    });
  });
});

describe("embeddedLink", () => {
  it("opens URLs or navigates", () => {
    expect(embeddedLink({ text: "Docs", onClickAction: openUrl("https://example.com") })).toStrictEqual({
      type: "EmbeddedLink",
      text: "Docs",
      "on-click-action": { name: "open_url", url: "https://example.com" },
    });
    expect(
      embeddedLink({ text: "Sign up", onClickAction: navigate("SIGN_UP"), visible: false }),
    ).toStrictEqual({
      type: "EmbeddedLink",
      text: "Sign up",
      visible: false,
      "on-click-action": { name: "navigate", next: { type: "screen", name: "SIGN_UP" }, payload: {} },
    });
  });
});

describe("navigation lists", () => {
  it("write items with main-content, start alt text, end, badge and tags", () => {
    const item = navigationItem({
      id: "home",
      mainContent: { title: "Home Insurance", metadata: "Safeguard your home", description: undefined },
      start: { image: "AAA=", altText: "House" },
      end: { title: "$100", description: "/ month" },
      badge: "New",
      tags: ["popular"],
      onClickAction: navigate("HOME"),
    });
    expect(item).toStrictEqual({
      id: "home",
      "main-content": { title: "Home Insurance", metadata: "Safeguard your home" },
      start: { image: "AAA=", "alt-text": "House" },
      end: { title: "$100", description: "/ month" },
      badge: "New",
      tags: ["popular"],
      "on-click-action": { name: "navigate", next: { type: "screen", name: "HOME" }, payload: {} },
    });
    expectWireJson(item);
  });

  it("write the list with its items or a data ref", () => {
    const items = [navigationItem({ id: "a", mainContent: { title: "A" } })];
    expect(
      navigationList({
        name: "list",
        label: "Pick",
        mediaSize: "regular",
        listItems: items,
        description: "d",
      }),
    ).toStrictEqual({
      type: "NavigationList",
      name: "list",
      label: "Pick",
      "media-size": "regular",
      "list-items": [{ id: "a", "main-content": { title: "A" } }],
      description: "d",
    });
    const ref =
      dataRef<readonly { readonly id: string; readonly "main-content": { readonly title: string } }[]>(
        "items",
      );
    expect(navigationList({ name: "list", listItems: ref, onClickAction: dataExchange() })).toStrictEqual({
      type: "NavigationList",
      name: "list",
      "list-items": "${data.items}",
      "on-click-action": { name: "data_exchange", payload: {} },
    });
  });
});
