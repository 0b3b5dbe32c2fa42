/**
 * Script, event-handler and javascript: payloads for the report's escaping tests (test/report/html.test.ts,
 * test/reliability/security.test.ts), and a reader of the tags of a page.
 */

export const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'];

/** A brand file with the payloads in the company name, a claim's subject and source, and a tagline. */
export const BRAND = `version: 1
company:
  id: acme
  name: "Acme <script>alert(1)</script>"
names:
  - id: rocket
    name: Acme Rocket
    kind: product
    forbidden_variants: [AcmeRocket]
claims:
  - id: users
    kind: count
    subject: "users <img src=x onerror=alert(1)>"
    subject_aliases: [users]
    value: 500
    qualifier: more-than
    source: "<script>alert(1)</script> deck"
messages:
  taglines:
    - id: t
      text: "<img src=x onerror=alert(1)> Launch now."
      status: current
`;

export const ALLOWED_TAGS = new Set(
  'html head meta title style body main header p h1 h2 h3 code section div span ul li strong b br svg circle text g rect table thead tbody tr th td figure figcaption a details summary footer article button script'.split(' '),
);

/** Every tag of the page, with its attributes. Text cannot hold a tag: `<` in text is always escaped. */
export function tags(html: string): Array<{ name: string; closing: boolean; attrs: Array<[string, string]> }> {
  return [...html.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[2].toLowerCase(),
    closing: m[1] === '/',
    attrs: [...m[3].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''] as [string, string]),
  }));
}
