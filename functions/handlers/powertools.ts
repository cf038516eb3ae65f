import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/*
 * One logger and one metrics object per container. Service name and namespace come from
 * POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by DondocFunction). Log lines
 * carry unit codes, object keys and counts; never a name or a national ID number.
 */
export const logger = new Logger();
export const metrics = new Metrics({ defaultDimensions: {} });
