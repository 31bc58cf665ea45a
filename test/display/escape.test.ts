import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../lib/display/escape.js";

/** Undoes the six entities by hand, independently of the code under test. */
function unescape(html: string): string {
  return html
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&#36;", "$")
    .replaceAll("&amp;", "&");
}

describe("escapeHtml", () => {
  describe("with an HTML payload", () => {
    it("turns an img tag with an onerror handler into plain text", () => {
      expect(escapeHtml("<img src=x onerror=alert(1)>")).toBe(
        "&lt;img src=x onerror=alert(1)&gt;",
      );
    });

    it("escapes both kinds of quotes so attribute values stay closed", () => {
      expect(escapeHtml(`a" onclick='x'`)).toBe("a&quot; onclick=&#39;x&#39;");
    });
  });

  describe("with dollar amounts", () => {
    it("writes every dollar sign as &#36; so MathJax never sees TeX", () => {
      expect(escapeHtml("$0.80 and $1.25")).toBe("&#36;0.80 and &#36;1.25");
    });

    it("escapes the ampersand first, so entities are not doubled", () => {
      expect(escapeHtml("R&D $5")).toBe("R&amp;D &#36;5");
    });
  });

  describe("for any text", () => {
    it("leaves no character that HTML or TeX would read as markup", () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          expect(escapeHtml(text)).not.toMatch(/[<>"'$]/);
        }),
      );
    });

    it("keeps the text, which decoding the entities gives back", () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          expect(unescape(escapeHtml(text))).toBe(text);
        }),
      );
    });
  });
});
