/**
 * The brand file written by "On Message: Create Brand Messaging File". It must load with no problems
 * (its examples are self-tests); test/lsp/client.test.ts holds it to that.
 */
export const BRAND_FILE_TEMPLATE = `# brand-messaging.yaml: the names, words and phrases your copy must get right.
# On Message checks every Markdown file in this folder (and below it) against this file.
# Every section is optional except \`version\`. Any entry may carry \`examples:\`: sentences that must be
# flagged (\`flag\`) or must pass (\`ok\`); they run as self-tests whenever this file changes.
# Reference: https://github.com/on-message/on-message#the-brand-messaging-file
version: 1

meta:
  owner: Corporate Communications       # who approves changes to this file
  contact: comms@example.com

company:
  id: acme
  name: Acme                            # the company name in body copy
  legal_name: Acme Inc.
  forbidden_variants: [ACME, Acme Corp.]

names:                                  # products, features, programs and competitors
  - id: rocket
    name: Acme Rocket
    kind: product                       # product | feature | program | brand | competitor
    mark: none                          # registered → ® | pending / unregistered → ™ | service → ℠ | none
    forbidden_variants: [AcmeRocket, Acme-Rocket]
    examples:
      flag: ["Try AcmeRocket today."]
      ok: ["Try Acme Rocket today."]

terms:                                  # the preferred word, and the words it replaces
  - id: customers
    preferred: customers
    deprecated: [clients]
    reason: "House style: 'customers' everywhere."
    examples:
      flag: ["Our clients love it."]
      ok: ["Our customers love it."]

phrases:                                # wording to avoid
  - id: hype
    kind: banned                        # banned | risky | needs-claim | prefer
    severity: warning
    patterns: [world-class, best-in-class]
    reason: "Unsubstantiated puffery."

people:                                 # spokespeople: names and titles as they must appear
  - id: jane-doe
    name: Jane Doe
    title: Chief Executive Officer
`;
