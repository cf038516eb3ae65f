import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { PROJECT_ROOT } from './dondoc-function.ts';

const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'dashboard');

/* dashboard/dist is build output, not in git, so a fresh clone has none. Rather than asking
   every `cdk synth` to be preceded by a build, the asset bundles itself: CDK calls tryBundle
   while synthesising a stack, which runs the same `npm run build:dashboard` a developer runs
   (Vite, offline), writing straight into CDK's bundling folder rather than dashboard/dist,
   which a developer's own build may be rewriting at the same moment. The hash is the
   output's, so a change anywhere the app imports from (functions/core/dashboard too) makes a
   new asset. Tests synthesise with bundling switched off and never build. */
function buildInto(outputDir: string): boolean {
  // Vite's report goes to stderr: the CDK CLI reads the app's stdout.
  execFileSync('npm', ['run', 'build:dashboard', '--', '--outDir', outputDir, '--emptyOutDir'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  return true;
}

/** The built dashboard (index.html, assets/…) as a deployment source. */
export function dashboardBuild(): ISource {
  return Source.asset(DASHBOARD_DIR, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('dondoc-local-bundling-only'),
      local: { tryBundle: buildInto },
    },
  });
}
