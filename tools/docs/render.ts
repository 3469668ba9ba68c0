// The generated parts of the documentation site, as Markdown: pure functions of the data the generator reads from
// the project (commander's program, action.yml, PROBLEM_CODES, the run outcomes, the rules' meta).

/** A Markdown table; `|` and line breaks in cells are escaped so a cell stays one cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const code = (text: string) => `\`${text}\``;

/** What the generator needs of a commander Command (duck-typed, so the docs do not depend on commander's types). */
export interface CliCommand {
  name(): string;
  description(): string;
  usage(): string;
  commands: readonly CliCommand[];
  options: readonly CliOption[];
}
export interface CliOption {
  flags: string;
  description: string;
  defaultValue?: unknown;
  defaultValueDescription?: string;
  argChoices?: string[];
  hidden?: boolean;
}

function optionDefault(option: CliOption): string {
  if (option.defaultValueDescription) return option.defaultValueDescription;
  const value = option.defaultValue;
  if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) return '';
  if (Array.isArray(value)) return code(value.join(','));
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One section per command (and subcommand): its usage, its description and a table of its options. */
export function renderCli(program: CliCommand): string {
  const sections: string[] = [];
  const walk = (command: CliCommand, path: string[]) => {
    for (const sub of command.commands) {
      const words = [...path, sub.name()];
      const options = sub.options.filter((option) => !option.hidden);
      sections.push(
        [
          `### ${words.slice(1).join(' ')}`,
          '',
          '```sh',
          `npx ${words.join(' ')} ${sub.usage()}`,
          '```',
          '',
          `${sub.description()}${/[.!?]$/.test(sub.description()) ? '' : '.'}`,
          '',
          options.length === 0
            ? 'No options.'
            : table(
                ['option', 'default', 'meaning'],
                options.map((option) => [
                  code(option.flags),
                  optionDefault(option),
                  option.argChoices ? `${option.description} (${option.argChoices.map(code).join(', ')})` : option.description,
                ]),
              ),
        ].join('\n'),
      );
      walk(sub, words);
    }
  };
  walk(program, [program.name()]);
  const globals = program.options.filter((option) => !option.hidden).map((option) => code(option.flags));
  return [`Options of \`${program.name()}\` itself: ${globals.join(', ')}.`, ...sections].join('\n\n') + '\n';
}

export interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

export function renderActionInputs(action: ActionYml): string {
  const rows = Object.entries(action.inputs).map(([name, input]) => [
    code(name),
    input.default === undefined || input.default === '' ? (input.required ? 'required' : '') : code(input.default),
    input.description,
  ]);
  return `${table(['input', 'default', 'what it does'], rows)}\n`;
}

export function renderActionOutputs(action: ActionYml): string {
  return `${table(
    ['output', 'value'],
    Object.entries(action.outputs).map(([name, output]) => [code(name), output.description]),
  )}\n`;
}

export function renderProblemCodes(codes: readonly string[], details: Record<string, { problem: string; fix: string }>): string {
  return `${table(
    ['code', 'problem', 'fix'],
    codes.map((name) => [code(name), details[name]!.problem, details[name]!.fix]),
  )}\n`;
}

export function renderOutcomes(outcomes: readonly string[], docs: Record<string, { meaning: string; action: string }>): string {
  const undocumented = outcomes.filter((outcome) => !docs[outcome]);
  const unknown = Object.keys(docs).filter((outcome) => !outcomes.includes(outcome));
  if (undocumented.length > 0 || unknown.length > 0) {
    throw new Error(
      `tools/docs/outcomes.ts is out of step with RUN_OUTCOMES: undocumented ${undocumented.join(', ') || 'none'}; unknown ${unknown.join(', ') || 'none'}`,
    );
  }
  return `${table(
    ['outcome', 'meaning', 'what to do'],
    outcomes.map((outcome) => [code(outcome), docs[outcome]!.meaning, docs[outcome]!.action]),
  )}\n`;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  description?: string;
  properties?: Record<string, JsonSchema>;
}

function schemaType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  if (schema.oneOf) return schema.oneOf.map(schemaType).join(' or ');
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

export interface RuleMeta {
  schema?: JsonSchema[] | JsonSchema;
  defaultOptions?: Record<string, unknown>[];
}

/** The options table of a rule, from its meta.schema and meta.defaultOptions. */
export function renderRuleOptions(meta: RuleMeta): string {
  const first = Array.isArray(meta.schema) ? meta.schema[0] : meta.schema;
  const properties = Object.entries(first?.properties ?? {});
  if (properties.length === 0) return 'This rule has no options.\n';
  const defaults = meta.defaultOptions?.[0] ?? {};
  const rows = properties.map(([name, schema]) => [
    code(name),
    schemaType(schema),
    name in defaults ? code(JSON.stringify(defaults[name])) : 'none',
    schema.description ?? '',
  ]);
  return `${table(['option', 'type', 'default', 'meaning'], rows)}\n`;
}

/**
 * A rule's page on the site: its docs page from the plugin package, with the options table generated from the rule's
 * schema put before the page's own `## Options` section (or at its end when it has none).
 */
export function renderRulePage(doc: string, meta: RuleMeta): string {
  const generated = `### Option reference\n\nGenerated from the rule's schema.\n\n${renderRuleOptions(meta)}`;
  const lines = doc.split('\n');
  const options = lines.indexOf('## Options');
  if (options === -1) return `${doc.trimEnd()}\n\n## Options\n\n${generated}`;
  const next = lines.findIndex((line, i) => i > options && line.startsWith('## '));
  const end = next === -1 ? lines.length : next;
  return [...lines.slice(0, end), generated, ...lines.slice(end)].join('\n');
}
