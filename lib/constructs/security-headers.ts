import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

export interface SecurityHeadersProps {
  /** Origins the page may call besides its own: the sign-in token endpoint and the presigned upload target. */
  connectTo: string[];
}

/**
 * The page's Content-Security-Policy: scripts, styles, fonts and images from its own origin
 * only (the Vite build inlines nothing and the app loads nothing from a CDN), API calls to its
 * own origin (CloudFront forwards /api/*), and never framed, so a sign-in cannot be clickjacked.
 */
export function contentSecurityPolicy(connectTo: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectTo.join(' ')}`,
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers on every response of the distribution, the API's included; they replace whatever the origin sent. */
export class SecurityHeaders extends ResponseHeadersPolicy {
  constructor(scope: Construct, id: string, props: SecurityHeadersProps) {
    super(scope, id, {
      comment: 'dondoc dashboard: CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connectTo), override: true },
        // Two years with subdomains is the floor browsers' HSTS preload lists ask for.
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // Drill-down URLs name units and requirements; nothing leaves with a link click.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
  }
}
