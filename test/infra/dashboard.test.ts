import fs from 'node:fs';
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../lib/constructs/security-headers.ts';
import { SPA_FALLBACK_CODE } from '../../lib/constructs/spa-fallback.ts';
import { buildApp, type BuiltApp } from './app-fixture.ts';

let built: BuiltApp;
let service: Template;
let data: Template;

beforeAll(() => {
  built = buildApp();
  service = built.serviceTemplate;
  data = built.dataTemplate;
});

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return Stack.of(construct as never).getLogicalId(construct.node.defaultChild as never);
}

type Resource = { Type: string; Properties: Record<string, any> };

function single(template: Template, type: string, props: Record<string, unknown> = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, props ? { Properties: props } : undefined));
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
}

/** A CloudFormation reference written as `[LogicalId]` or `[LogicalId.Attribute]`, so a template string can be read as text. */
function placeholder(token: unknown): string {
  const t = token as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::GetStackOutput'?: { OutputName: string } };
  if (t.Ref !== undefined) return `[${t.Ref}]`;
  if (t['Fn::GetAtt'] !== undefined) return `[${t['Fn::GetAtt'].join('.')}]`;
  if (t['Fn::GetStackOutput'] !== undefined) return `[${t['Fn::GetStackOutput'].OutputName}]`;
  throw new Error(`unexpected token ${JSON.stringify(token)}`);
}

/** The JSON a custom resource receives, with references as placeholders. */
function joined(value: unknown): unknown {
  const [, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : placeholder(p))).join(''));
}

const distribution = () => single(service, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const distributionId = () => logicalId(built.service.dashboard.site.distribution);
/** `https://<distribution domain>` as CloudFormation writes it, with what follows it. */
const siteUrl = (suffix: string) => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(), 'DomainName'] }, suffix]] });

describe('site bucket', () => {
  it('is private, encrypted, TLS-only and logged', () => {
    const [, bucket] = single(service, 'AWS::S3::Bucket', { LoggingConfiguration: Match.anyValue() });
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { LogFilePrefix: 'site-bucket/' },
    });
  });

  it('is read only by this distribution, through Origin Access Control', () => {
    const siteBucket = logicalId(built.service.dashboard.site.bucket);
    const [, policy] = single(service, 'AWS::S3::BucketPolicy', { Bucket: { Ref: siteBucket } });
    const allows = (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(allows[0]?.Condition)).toContain(distributionId());
    const denies = (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).filter((s) => s.Effect === 'Deny');
    expect(denies).toContainEqual(expect.objectContaining({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));

    service.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const s3Origin = (distribution().Origins as Record<string, any>[]).find((o) => o.S3OriginConfig !== undefined);
    expect(s3Origin).toMatchObject({
      DomainName: { 'Fn::GetAtt': [siteBucket, 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });
});

describe('distribution', () => {
  it('never serves over plain HTTP', () => {
    const config = distribution();
    const behaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    for (const behavior of behaviors) expect(['https-only', 'redirect-to-https']).toContain(behavior.ViewerProtocolPolicy);
    expect(config.CacheBehaviors[0]).toMatchObject({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' });
  });

  it('logs every request to the log bucket', () => {
    expect(distribution().Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logicalId(built.service.dashboard.site.logs), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });

  it('forwards /api/* to the HTTP API, uncached, with the Authorization header, over TLS 1.2', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b: Record<string, unknown>) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'POST']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    const origin = (config.Origins as Record<string, any>[]).find((o) => o.Id === api.TargetOriginId);
    expect(origin).toMatchObject({ CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] } });
    expect(JSON.stringify(origin?.DomainName)).toContain(logicalId(built.service.api.httpApi));
    expect(JSON.stringify(origin?.DomainName)).toContain('.execute-api.ap-southeast-1.');
  });

  it('sends the security headers on the page and on the API', () => {
    const [policyId, policy] = single(service, 'AWS::CloudFront::ResponseHeadersPolicy');
    const config = distribution();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' https://dondoc-sgdhp.auth.ap-southeast-1.amazoncognito.com https://");
    // The upload target is the snapshot bucket's regional endpoint, read from the data stack.
    expect(csp).toMatch(/SnapshotsBucket\w*RegionalDomainName/);
  });

  it('lets the page connect to its own origin, the sign-in page and the upload target, and nothing else', () => {
    const connect = contentSecurityPolicy(['https://a.example', 'https://b.example'])
      .split('; ')
      .filter((d) => d.startsWith('connect-src'));
    expect(connect).toEqual(["connect-src 'self' https://a.example https://b.example"]);
    expect(contentSecurityPolicy([])).not.toMatch(/\*|unsafe-|https?:(?!\/\/)/);
  });

  it('opens the app on any page route with a viewer-request function, leaving the API alone', () => {
    const config = distribution();
    expect(config.CustomErrorResponses).toBeUndefined();
    const [functionId] = single(service, 'AWS::CloudFront::Function', { FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
  });
});

describe('SPA fallback function', () => {
  // The code CloudFront runs, executed as CloudFront would: handler(event) → request.
  const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;

  it.each([
    ['/', '/index.html'],
    ['/don-vi/THPT001', '/index.html'],
    ['/yeu-cau/hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh', '/index.html'],
    ['/tai-len/', '/index.html'],
    ['/assets/index-3f2a9c.js', '/assets/index-3f2a9c.js'],
    ['/config.json', '/config.json'],
    ['/favicon.svg', '/favicon.svg'],
  ])('serves %s as %s', (uri, expected) => {
    expect(rewrite(uri)).toBe(expected);
  });
});

describe('deployment of the built app', () => {
  function deployments(): Resource[] {
    return Object.values(service.findResources('Custom::CDKBucketDeployment')) as Resource[];
  }

  it('caches hashed assets for a year and revalidates the page and its config on every load', () => {
    const [assets, page] = [deployments().find((d) => d.Properties.Include !== undefined), deployments().find((d) => d.Properties.Include === undefined)];
    expect(assets?.Properties).toMatchObject({
      Include: ['assets/*'],
      Exclude: ['*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      DestinationBucketName: { Ref: logicalId(built.service.dashboard.site.bucket) },
    });
    expect(page?.Properties).toMatchObject({
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: distributionId() },
      DistributionPaths: ['/index.html', '/config.json'],
    });
  });

  it('uploads the page only after the assets it names', () => {
    const ids = Object.entries(service.findResources('Custom::CDKBucketDeployment'));
    const assetsId = ids.find(([, d]) => d.Properties.Include !== undefined)?.[0];
    const page = ids.find(([, d]) => d.Properties.Include === undefined)?.[1] as { DependsOn?: string[] };
    expect(page.DependsOn).toContain(assetsId);
  });

  it('writes config.json with the Cognito sign-in, the app client and the site itself as API and redirect', () => {
    const page = deployments().find((d) => d.Properties.SourceMarkers !== undefined);
    const markerIndex = (page?.Properties.SourceMarkers as Record<string, unknown>[]).findIndex((m) => Object.keys(m).length > 0);
    const objectKey = (page?.Properties.SourceObjectKeys as string[])[markerIndex] as string;
    const markers = (page?.Properties.SourceMarkers as Record<string, unknown>[])[markerIndex] as Record<string, unknown>;

    // The config asset is staged in the cloud assembly as a directory named by its hash.
    const staged = path.join(built.app.outdir, `asset.${objectKey.replace(/\.zip$/, '')}`, 'config.json');
    const written = fs.readFileSync(staged, 'utf8');
    const resolved = JSON.parse(written.replace(/<<marker:0xbaba:\d+>>/g, (marker) => placeholder(markers[marker]))) as Record<string, string>;
    const domain = `[${distributionId()}.DomainName]`;
    expect(resolved).toEqual({
      auth: 'cognito',
      apiUrl: `https://${domain}`,
      cognitoDomain: 'https://dondoc-sgdhp.auth.ap-southeast-1.amazoncognito.com',
      clientId: `[${logicalId(built.service.dashboard.client)}]`,
      redirectUri: `https://${domain}/`,
    });
  });
});

describe('stack outputs', () => {
  it('tell an operator where the dashboard is and which user pool to create users in', () => {
    service.hasOutput('DashboardUrl', { Value: siteUrl('/') });
    service.hasOutput('DashboardCloudFrontUrl', { Value: siteUrl('/') });
    service.hasOutput('SignInUrl', { Value: 'https://dondoc-sgdhp.auth.ap-southeast-1.amazoncognito.com' });
    service.hasOutput('UserPoolId', { Value: { 'Fn::GetStackOutput': Match.objectLike({ StackName: 'DondocData' }) } });
  });
});

describe('sign-in', () => {
  it('has a hosted sign-in domain with the configured prefix', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'dondoc-sgdhp',
      UserPoolId: { Ref: logicalId(built.data.users.userPool) },
    });
  });

  it('gives the dashboard a public client with the code grant only, returning to the CloudFront URL', () => {
    const [, client] = single(service, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [siteUrl('/')],
      LogoutURLs: [siteUrl('/')],
    });
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:scope_kind', 'custom:scope_code']));
    expect(client.Properties.WriteAttributes).not.toEqual(expect.arrayContaining(['custom:scope_kind']));
    expect(client.Properties.WriteAttributes).not.toEqual(expect.arrayContaining(['custom:scope_code']));
    expect(Object.keys(data.findResources('AWS::Cognito::UserPoolClient'))).toHaveLength(0);
  });
});

describe('one origin for the page, the API and uploads', () => {
  it('sends emails to the CloudFront URL', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'dondoc-planner', DASHBOARD_URL: siteUrl('/') }) },
    });
  });

  it("admits the site's origin, and only it, to read the answer of a presigned upload to the snapshot bucket", () => {
    const [, cors] = single(service, 'Custom::AWS');
    const create = joined(cors.Properties.Create);
    expect(create).toMatchObject({
      service: 'S3',
      action: 'putBucketCors',
      parameters: {
        Bucket: expect.stringMatching(/^\[PublishOutputRefSnapshotsBucket/),
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: [`https://[${distributionId()}.DomainName]`], AllowedMethods: ['POST'], ExposeHeaders: ['ETag', 'Location'], MaxAgeSeconds: 3600 }] },
      },
    });
    expect(joined(cors.Properties.Update)).toEqual(create);
    expect(joined(cors.Properties.Delete)).toMatchObject({ action: 'deleteBucketCors', parameters: { Bucket: expect.stringMatching(/SnapshotsBucket/) } });
  });

  it("uses the department's own address everywhere when one is given", () => {
    const custom = buildApp({ dashboardUrl: 'https://dondoc.haiphong.edu.vn/' }).serviceTemplate;
    const [, cors] = single(custom, 'Custom::AWS');
    expect(joined(cors.Properties.Create)).toMatchObject({ parameters: { CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['https://dondoc.haiphong.edu.vn'] }] } } });
    custom.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://dondoc.haiphong.edu.vn/'] });
  });
});
