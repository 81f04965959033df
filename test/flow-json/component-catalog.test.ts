import { describe, expect, it } from "vitest";
import { COMPONENT_TYPES, getComponentSpec } from "../../src/flow-json/component-catalog.js";
import { lookupProperty, type PropertySpec } from "../../src/flow-json/property-spec.js";
import { isFlowJsonVersion } from "../../src/flow-json/versions.js";
import {
  OWN_DIAGNOSTIC_CODES,
  META_DIAGNOSTIC_CODES,
} from "../../src/flow-json/validate/diagnostic-codes.js";

const ALL_TYPES = [
  "TextHeading",
  "TextSubheading",
  "TextBody",
  "TextCaption",
  "RichText",
  "TextInput",
  "TextArea",
  "CheckboxGroup",
  "RadioButtonsGroup",
  "Dropdown",
  "ChipsSelector",
  "Footer",
  "OptIn",
  "EmbeddedLink",
  "DatePicker",
  "CalendarPicker",
  "Image",
  "ImageCarousel",
  "PhotoPicker",
  "DocumentPicker",
  "NavigationList",
  "If",
  "Switch",
  "Form",
];

/** Every version a property spec mentions (its own, its actions', its nested objects'). */
function versionsIn(spec: PropertySpec): string[] {
  const own = [spec.since, spec.arraySince, typeof spec.required === "string" ? spec.required : undefined];
  const actions = Object.values(spec.actions ?? {});
  const nested = Object.values(spec.object?.properties ?? {}).flatMap(versionsIn);
  return [...own, ...actions, ...nested].filter((version): version is string => version !== undefined);
}

describe("component catalog", () => {
  it("describes the 23 components and Form", () => {
    expect([...COMPONENT_TYPES].sort()).toEqual([...ALL_TYPES].sort());
  });

  it("records the minimum Flow JSON version of components", () => {
    expect(getComponentSpec("CalendarPicker")?.since).toBe("6.1");
    expect(getComponentSpec("NavigationList")?.since).toBe("6.2");
    expect(getComponentSpec("ChipsSelector")?.since).toBe("6.3");
    expect(getComponentSpec("ImageCarousel")?.since).toBe("7.1");
    expect(getComponentSpec("If")?.since).toBe("4.0");
    expect(getComponentSpec("TextHeading")?.since).toBe("2.1");
  });

  it("only mentions published versions", () => {
    for (const type of COMPONENT_TYPES) {
      const spec = getComponentSpec(type);
      const versions = [
        spec?.since,
        spec?.inIf,
        spec?.inSwitch,
        ...Object.values(spec?.properties ?? {}).flatMap(versionsIn),
      ];
      for (const version of versions.filter((v) => v !== undefined))
        expect(isFlowJsonVersion(version), `${type}: ${version}`).toBe(true);
    }
  });

  it("reports count limits under known diagnostic codes", () => {
    const known = new Set<string>([...META_DIAGNOSTIC_CODES, ...Object.keys(OWN_DIAGNOSTIC_CODES)]);
    for (const type of COMPONENT_TYPES) {
      const spec = getComponentSpec(type);
      for (const limit of [spec?.perScreen, spec?.perFlow])
        if (limit !== undefined) expect(known.has(limit.code)).toBe(true);
    }
  });

  it("marks exactly the form inputs as inputs", () => {
    const inputs = COMPONENT_TYPES.filter((type) => getComponentSpec(type)?.input === true).sort();
    expect(inputs).toEqual(
      [
        "CalendarPicker",
        "CheckboxGroup",
        "ChipsSelector",
        "DatePicker",
        "DocumentPicker",
        "Dropdown",
        "OptIn",
        "PhotoPicker",
        "RadioButtonsGroup",
        "TextArea",
        "TextInput",
      ].sort(),
    );
  });

  it("looks properties up without reaching inherited members", () => {
    const spec = getComponentSpec("TextInput");
    expect(spec).toBeDefined();
    if (spec === undefined) return;
    expect(lookupProperty(spec.properties, "label")?.maxChars).toBe(20);
    expect(lookupProperty(spec.properties, "constructor")).toBeUndefined();
    expect(lookupProperty(spec.properties, "__proto__")).toBeUndefined();
    expect(getComponentSpec("constructor")).toBeUndefined();
  });
});
