// The classes of index that `--prune` leaves alone unless `--prune-include` names them (prune.ts decides), as the
// CLI and the Action read them; no database code here, so that parsing options loads none.
import { SETTING_DEFAULTS } from '../defaults.ts';

export type PruneClass = 'adopted' | 'unique' | 'constraint' | 'shrunk-registry';
const PRUNE_CLASSES: readonly PruneClass[] = ['adopted', 'unique', 'constraint', 'shrunk-registry'];
export const DEFAULT_PRUNE_MAX = Number(SETTING_DEFAULTS['prune-max']);

/** `adopted,unique` → the classes; throws a one-line message naming the unknown class. */
export function parsePruneClasses(text: string): PruneClass[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !(PRUNE_CLASSES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new Error(`"${unknown}" is not one of ${PRUNE_CLASSES.join(', ')}`);
  return [...new Set(names as PruneClass[])];
}
