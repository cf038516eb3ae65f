import { Duration } from 'aws-cdk-lib';
import { ClientAttributes, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, type IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

export interface DashboardClientProps {
  userPool: IUserPool;
  /** Where the hosted sign-in page may send the browser back to, after sign-in and after sign-out. */
  dashboardUrl: string;
}

/**
 * The dashboard's app client: a browser app, so no secret; the authorization code grant only
 * (the implicit grant would put tokens in the URL), with PKCE done by the page. The ID token
 * carries `custom:scope_kind` and `custom:scope_code`, which the client may read, never write.
 *
 * It lives beside the site rather than with the user pool because its callback URL is the
 * CloudFront address, which exists only in the service stack.
 */
export class DashboardClient extends UserPoolClient {
  constructor(scope: Construct, id: string, props: DashboardClientProps) {
    super(scope, id, {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.dashboardUrl],
        logoutUrls: [props.dashboardUrl],
      },
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
