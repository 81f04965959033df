import { describe, expect, it } from "vitest";
import { concat } from "../../../src/flow-json/expressions/concat.js";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";

const firstName = formRef<string>("first_name");
const age = formRef<number>("age");

describe("concat", () => {
  it("wraps a leading literal run and the whole in backticks", () => {
    expect(String(concat`Hello ${firstName}`)).toBe("` 'Hello ' ${form.first_name}`");
  });

  it("wraps a trailing run with its trailing space, as pywa does", () => {
    expect(String(concat`${firstName} you are ${age} years old.`)).toBe(
      "`${form.first_name} ' you are ' ${form.age} ' years old.' `",
    );
  });

  it("renders arithmetic parts parenthesised", () => {
    const a = dataRef<number>("number_1");
    const b = dataRef<number>("number_2");
    expect(String(concat`The sum of ${a} and ${b} is ${a.plus(b)}`)).toBe(
      "` 'The sum of ' ${data.number_1} ' and ' ${data.number_2} ' is ' (${data.number_1} + ${data.number_2})`",
    );
  });

  it("joins interpolated literals into the surrounding text", () => {
    expect(String(concat`You have ${3} new ${"messages"}, ${firstName}`)).toBe(
      "` 'You have 3 new messages, ' ${form.first_name}`",
    );
  });

  it("escapes quotes and backticks in the text", () => {
    expect(String(concat`Don't wait, ${firstName}`)).toBe("` 'Don\\\\'t wait, ' ${form.first_name}`");
  });

  it("puts nothing between adjacent refs", () => {
    expect(String(concat`${firstName}${age}`)).toBe("`${form.first_name}${form.age}`");
  });
});
