// The one way the Action's main step ends, for one database and for a fleet alike: the JSON report, the restore
// statements, the outputs, the annotations (within GitHub's caps), the job summary, and the step's failure if any.
import { appendRestoreFile, restoreFilePath } from '../builder/restore.ts';
import type { Report } from '../builder/result.ts';
import type { FleetReport } from '../fleet/types.ts';
import { capAnnotations, type Annotation, type AnnotationLevel } from '../render/annotations.ts';
import * as log from './log.ts';
import { reportPathFor, setOutputs } from './outputs.ts';

export interface Publication {
  /** What the JSON report holds. */
  report: Report | FleetReport;
  /** A build's report whose drops and swaps restore.sql records (not for a dry run or a fleet). */
  restoreFrom?: Report;
  /** The step's outputs, but `report` (the JSON report's path, set here). */
  outputs: Record<string, string>;
  /** Every annotation the run deserves, most important first. */
  annotations: readonly Annotation[];
  stepFailure?: string;
  /** The job summary, once the paths and the annotations left out are known. */
  summary(written: { reportPath?: string; restorePath?: string; omitted: Record<AnnotationLevel, number> }): string;
}

export async function publish(publication: Publication): Promise<void> {
  let reportPath = reportPathFor(process.env);
  try {
    await log.writeReport(reportPath, publication.report);
    log.info(`JSON report: ${reportPath}`);
  } catch (error) {
    log.warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error)}`);
    reportPath = '';
  }
  let restorePath: string | undefined;
  if (publication.restoreFrom) {
    try {
      restorePath = await appendRestoreFile(restoreFilePath(reportPath || undefined), publication.restoreFrom, 'the database');
      if (restorePath) log.info(`Statements that undo this run's drops and swaps were appended to ${restorePath}`);
    } catch (error) {
      log.warning(`Could not write the restore statements: ${messageOf(error)}; they are in the JSON report (restore)`);
    }
  }
  setOutputs({ ...publication.outputs, report: reportPath });
  const annotations = capAnnotations(publication.annotations, publication.stepFailure ? 1 : 0);
  for (const annotation of annotations.shown) log.annotate(annotation);
  await log.publishSummary(
    publication.summary({ ...(reportPath ? { reportPath } : {}), ...(restorePath ? { restorePath } : {}), omitted: annotations.omitted }),
  );
  if (publication.stepFailure) log.fail(`index-builder: ${publication.stepFailure}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
