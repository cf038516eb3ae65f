import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DondocError } from '../../functions/core/errors.ts';
import { FUNCTION_SIZING } from './function-sizing.ts';
import { DISPATCHES_DIR_IN_PACKAGE, reservedEnvironmentNames, type DondocEnvironment } from './function-environment.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type HandlerName = 'ingest' | 'planner' | 'plan-worker' | 'sender' | 'ses-events' | 'api';

export interface DondocFunctionProps {
  /** The entry is functions/handlers/<handler>.ts, exporting `handler`. */
  handler: HandlerName;
  description: string;
  environment: DondocEnvironment;
  logRetention: RetentionDays;
  /** Where asynchronous invocations go after Lambda's own retries. */
  deadLetterQueue?: IQueue;
}

/* esbuild's ESM output has no `require`; CommonJS dependencies (exceljs, iconv-lite) call it. */
const ESM_REQUIRE_BANNER = "import { createRequire as __dondocCreateRequire } from 'module'; const require = __dondocCreateRequire(import.meta.url);";

/**
 * The house Lambda: Node 22 on Graviton, an ESM bundle built locally by esbuild, its own log
 * group with retention, JSON logs for Powertools, and the dispatch catalog shipped inside the
 * package. The role starts empty (no AWS managed policy): it may write to its own log group
 * and nothing else until a grant says so.
 */
export class DondocFunction extends NodejsFunction {
  /** Always the role created here, so grants can attach policies to it. */
  declare readonly role: IRole;

  constructor(scope: Construct, id: string, props: DondocFunctionProps) {
    const environment: Record<string, string> = {
      ...props.environment,
      DONDOC_DISPATCHES_DIR: DISPATCHES_DIR_IN_PACKAGE,
      POWERTOOLS_SERVICE_NAME: `dondoc-${props.handler}`,
      POWERTOOLS_METRICS_NAMESPACE: 'Dondoc',
      LOG_LEVEL: 'INFO',
    };
    const reserved = reservedEnvironmentNames(environment);
    if (reserved.length > 0) {
      throw new DondocError('INVALID_ARGUMENT', `Lambda reserves these environment names: ${reserved.join(', ')}`);
    }
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `dondoc ${props.handler} function`,
    });

    super(scope, id, {
      entry: `${PROJECT_ROOT}functions/handlers/${props.handler}.ts`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_SIZING[props.handler].memorySize,
      timeout: FUNCTION_SIZING[props.handler].timeout,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.DISABLED,
      environment,
      deadLetterQueue: props.deadLetterQueue,
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            `mkdir -p "${outputDir}/dispatches"`,
            `cp "${inputDir}/dispatches/"*.yaml "${outputDir}/dispatches/"`,
          ],
        },
      },
    });
    logGroup.grantWrite(role);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the code is built and tested for (esbuild target node22); moving to 24 is a deliberate upgrade, not a drift.',
    });
  }
}
