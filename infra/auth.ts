import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface AuthProps {
  /** Where the web console receives the authorization code (OAuth redirect URIs). */
  readonly callbackUrls: readonly string[];
  /** Where Cognito may send the browser after sign-out. */
  readonly logoutUrls: readonly string[];
  /**
   * Prefix of the Cognito-hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`),
   * needed for the authorization code flow. Globally unique per region, so it has no default.
   */
  readonly domainPrefix?: string;
  /**
   * Cognito threat protection: the Plus feature plan, compromised-credential checks and
   * adaptive authentication enforced. Off by default, for its cost: Plus is billed for every
   * monthly active user with no free tier, where Essentials has one (infra/README.md).
   */
  readonly threatProtection?: boolean;
}

/**
 * Who may use the API: the officers of Setneg and of the agencies. Nobody signs up; an
 * administrator creates each user with `custom:agency` and `custom:role`, which the ID token then
 * carries as claims (the tenant comes only from the verified token, DESIGN.md).
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The token issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuerUrl: string;
  readonly jwksUrl: string;
  /** The hosted sign-in domain, `https://<prefix>.auth.<region>.amazoncognito.com`, if any. */
  readonly domainUrl: string | undefined;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // Not `required`: a required attribute must be writable by the app client, and no
      // attribute that shapes identity should be. Administrators always set the email.
      standardAttributes: { fullname: { required: false, mutable: true } },
      customAttributes: {
        // Mutable so an administrator can move an officer or change a role without
        // recreating the user; only administrators can (see writeAttributes below).
        agency: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        role: new cognito.StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Every user, central admins and agency officers alike: Cognito cannot require MFA per
      // group or attribute, and every role reads complainants' identities. TOTP apps only: no
      // SMS role, no SMS cost, no SIM-swap.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      ...(props.threatProtection
        ? {
            featurePlan: cognito.FeaturePlan.PLUS,
            standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
          }
        : // Managed login (below) needs Essentials at least; Essentials has a free tier.
          { featurePlan: cognito.FeaturePlan.ESSENTIALS }),
      deletionProtection: true,
      // Users and their agency/role assignments cannot be recreated from anything else.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.threatProtection) {
      // What threat protection does when it detects something (clientId ALL: every app client).
      // With MFA required, a medium risk is challenged by the MFA every sign-in has anyway.
      new cognito.CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
        userPoolId: this.userPool.userPoolId,
        clientId: 'ALL',
        compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } },
        accountTakeoverRiskConfiguration: {
          actions: {
            highAction: { eventAction: 'BLOCK', notify: false },
            mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
            lowAction: { eventAction: 'NO_ACTION', notify: false },
          },
        },
      });
    } else {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials, not Plus: every sign-in already needs the password and a TOTP code, users ' +
          'are agency staff created by administrators, and Plus costs per monthly active user ' +
          'with no free tier. Threat protection is one context value away ' +
          '(-c threatProtection=true, infra/README.md "Sign-in security").',
      });
    }

    // Managed login: with MFA required, its pages walk a new user through enrolling an
    // authenticator app at the first sign-in (a QR code), then ask for a code at every one.
    this.domainUrl = props.domainPrefix
      ? this.userPool
          .addDomain('Domain', {
            cognitoDomain: { domainPrefix: props.domainPrefix },
            managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
          })
          .baseUrl()
      : undefined;
    if (!props.domainPrefix) {
      Annotations.of(this).addWarningV2(
        'pantau:auth-domain',
        'No authDomainPrefix: no hosted sign-in page, so nobody can sign in to the console ' +
          '(its config.json names no domain). Deploy with -c authDomainPrefix=<prefix>, unique ' +
          'in the region (<prefix>.auth.<region>.amazoncognito.com).',
      );
    }

    // The web console: a public client (a browser cannot keep a secret), so the authorization
    // code flow is protected by PKCE, which Cognito enforces for clients without a secret.
    this.client = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      authFlows: {
        userSrp: true,
        // Not USER_PASSWORD_AUTH, which anyone may call with a password and the client id. The
        // admin flow needs the account's IAM credentials (cognito-idp:AdminInitiateAuth): how
        // an operator takes a token from a shell (infra/README.md), TOTP code included.
        adminUserPassword: true,
      },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        logoutUrls: [...props.logoutUrls],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12), // one working day, then sign in again
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agency', 'role'),
      // Without an explicit list a client may write every attribute, custom ones included: an
      // officer could then make themselves central_admin with their own access token. Only
      // administrators (AdminUpdateUserAttributes) may set email, agency and role.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    if (props.domainPrefix) {
      // Managed login shows each app client in a branding style; without one its pages fail.
      new cognito.CfnManagedLoginBranding(this, 'ConsoleBranding', {
        userPoolId: this.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
    }

    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;
  }
}
