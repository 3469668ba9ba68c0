import { applyDefault, RuleCreator, type RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { ruleDocsUrl } from '../meta.ts';

export interface IndexBuilderDocs {
  description: string;
  recommended?: boolean;
}

const withDocs = RuleCreator<IndexBuilderDocs>(ruleDocsUrl);

/**
 * typescript-eslint's RuleCreator, with each rule's `meta.docs.url` pointing at docs/rules/<name>.md. The options
 * with their defaults are worked out once per configuration rather than for every file (RuleCreator deep-clones the
 * defaults each time): ESLint hands each file a new options array, with the same contents.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, IndexBuilderDocs>>,
): ReturnType<typeof withDocs<Options, MessageIds>> {
  const created = withDocs(rule);
  const defaults = rule.meta.defaultOptions ?? ([] as unknown as Options);
  const resolved = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      const key = JSON.stringify(context.options);
      const options = resolved.get(key) ?? applyDefault<Options, Options>(defaults, context.options);
      resolved.set(key, options);
      return rule.create(context, options);
    },
  };
}
