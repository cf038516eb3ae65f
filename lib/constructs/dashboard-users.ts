import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/* What a dashboard user may read is the API's rule (functions/core/access/scope.ts). */
export { SCOPE_KINDS } from '../../functions/core/access/scope.ts';

export interface DashboardUsersProps {
  /** The hosted sign-in page's prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  signInDomainPrefix: string;
}

/**
 * Dashboard users and their hosted sign-in page. Accounts are created by an administrator,
 * never by sign-up; each carries `custom:scope_kind` and `custom:scope_code`, which the
 * dashboard's app client (DashboardClient, beside the site it returns to) can read but not
 * write, so a user cannot widen their own scope.
 */
export class DashboardUsers extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** The sign-in page's origin, spelled out at synth so the site's CSP can name it without a cross-stack token. */
  readonly signInUrl: string;

  constructor(scope: Construct, id: string, props: DashboardUsersProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        scope_kind: new StringAttribute({ minLen: 4, maxLen: 16, mutable: true }),
        scope_code: new StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is offered (TOTP) but optional: school staff sign in from shared office machines without authenticator apps; threat protection (Plus plan, enforced) blocks risky sign-ins instead.',
    });

    this.domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.signInDomainPrefix } });
    this.signInUrl = `https://${props.signInDomainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;
  }
}
