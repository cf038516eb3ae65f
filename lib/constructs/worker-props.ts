import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { DondocEnvironment } from './function-environment.ts';

/** What every function-owning construct needs to build its DondocFunction. */
export interface WorkerProps {
  environment: DondocEnvironment;
  logRetention: RetentionDays;
}
