import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/* What a dashboard user may read is the API's rule (functions/core/access/scope.ts). */
export { SCOPE_KINDS } from '../../functions/core/access/scope.ts';

/**
 * Dashboard users. Accounts are created by an administrator, never by sign-up; each carries
 * `custom:scope_kind` and `custom:scope_code`, which the app client can read but not write,
 * so a user cannot widen their own scope.
 */
export class DashboardUsers extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
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

    this.client = this.userPool.addClient('DashboardClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes('scope_kind', 'scope_code'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });
  }
}
