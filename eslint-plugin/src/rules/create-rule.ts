import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { ruleDocsUrl } from '../meta.ts';

export interface IndexBuilderDocs {
  description: string;
  recommended?: boolean;
}

/** typescript-eslint's RuleCreator, with each rule's `meta.docs.url` pointing at docs/rules/<name>.md. */
export const createRule = RuleCreator<IndexBuilderDocs>(ruleDocsUrl);
