import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { ruleDocsUrl } from '../meta.ts';

export interface IndexBuilderDocs {
  description: string;
  recommended?: boolean;
}

const namedRule = RuleCreator<IndexBuilderDocs>(ruleDocsUrl);

/**
 * typescript-eslint's RuleCreator, with each rule's `meta.docs.url` pointing at docs/rules/<name>.md. Its `create`
 * merges the default options into the configured ones (a structured clone and a deep merge) for every file; ESLint
 * hands every file of one configuration the same options object, so the merge is kept per object. The merged
 * options are shared between files: rules read them, never change them.
 */
export const createRule = ((spec: Parameters<typeof namedRule>[0]) => {
  const rule = namedRule(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as unknown[];
  const merged = new WeakMap<object, unknown[]>();
  return {
    ...rule,
    create(context: Parameters<typeof rule.create>[0]) {
      const configured: unknown = context.options.length === 1 ? context.options[0] : undefined;
      const key = typeof configured === 'object' && configured !== null ? configured : undefined;
      let options = key && merged.get(key);
      if (!options) {
        options = applyDefault(defaults, context.options);
        if (key) merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
}) as typeof namedRule;
