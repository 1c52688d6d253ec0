import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import { PantauTable } from './data.ts';
import { Escalation } from './escalation.ts';
import { Notify } from './notify.ts';
import { Seed } from './seed.ts';

export interface PantauStackProps extends StackProps {
  /** OAuth redirect URIs of the web console. */
  readonly callbackUrls: readonly string[];
  /** Where Cognito may send the browser after sign-out. */
  readonly logoutUrls: readonly string[];
  /** Cognito hosted sign-in domain prefix; without it there is no hosted sign-in page. */
  readonly authDomainPrefix?: string;
  /** Log level of the Lambda functions (Powertools `LOG_LEVEL`). */
  readonly logLevel: string;
  /** From address of the escalation letters; it or its domain must be verified in SES. */
  readonly mailFrom: string;
}

/**
 * Pantau on AWS: the table, the user pool, the HTTP API, the escalation ladders and their mail,
 * and the seed, wired together.
 */
export class PantauStack extends Stack {
  constructor(scope: Construct, id: string, props: PantauStackProps) {
    super(scope, id, props);
    const data = new PantauTable(this, 'Data');
    const auth = new Auth(this, 'Auth', {
      callbackUrls: props.callbackUrls,
      logoutUrls: props.logoutUrls,
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
    });
    const api = new Api(this, 'Api', {
      table: data,
      auth,
      logLevel: props.logLevel,
      // The console calls the API from wherever Cognito sends it back to.
      allowedOrigins: [...new Set(props.callbackUrls.map((url) => new URL(url).origin))],
    });
    const notify = new Notify(this, 'Notify', { mailFrom: props.mailFrom });
    const escalation = new Escalation(this, 'Escalation', {
      table: data,
      notify,
      logLevel: props.logLevel,
    });
    // Forwarding a case arms its assignments' ladders.
    escalation.grantStartExecution(api.handler);
    new Seed(this, 'Seed', { table: data });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'StateMachineArn', {
      value: escalation.stateMachine.stateMachineArn,
      description: 'The escalation ladder state machine (one execution per assignment ladder)',
    });
  }
}
