import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '@pantau/store/table';
import { KEPT } from './retain.ts';

const stringKey = (name: string): dynamodb.Attribute => ({
  name,
  type: dynamodb.AttributeType.STRING,
});

// What the store does with items. Scan is left out on purpose: no request path scans
// (DESIGN.md), and IAM makes that a guarantee rather than a convention.
const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
type ItemAction = (typeof ITEM_ACTIONS)[number];

export interface PantauTableProps {
  /**
   * An existing table to use instead of creating one: a point-in-time restore (always a new
   * table), or the table a destroyed stack retained. Imported, not managed: the stack neither
   * changes nor deletes it, so its settings are the operator's (infra/README.md, "Restore").
   */
  readonly tableName?: string;
  /**
   * The complete ARN of the search key the existing table was indexed with, when it is not this
   * stack's own (after `cdk destroy`, the retained `Data/SearchKey`). Without it the stack keeps
   * or makes its own key.
   */
  readonly searchKeySecretArn?: string;
}

/** The one DynamoDB table holding every tenant's records; its shape comes from @pantau/store. */
export class PantauTable extends Construct {
  readonly table: dynamodb.ITable;
  /**
   * The HMAC key of the table's search index (lookups and word postings are keyed by an HMAC
   * of the value, never the value in clear). It lives and dies with the table: without it the
   * index cannot be read.
   */
  readonly searchKey: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: PantauTableProps = {}) {
    super(scope, id);
    this.table = props.tableName
      ? // Its indexes named, so that a grant made through the table covers them too.
        dynamodb.Table.fromTableAttributes(this, 'Table', {
          tableName: props.tableName,
          globalIndexes: TABLE_INDEXES.map((index) => index.indexName),
        })
      : this.newTable();
    this.searchKey = props.searchKeySecretArn
      ? secretsmanager.Secret.fromSecretCompleteArn(this, 'SearchKey', props.searchKeySecretArn)
      : this.newSearchKey();
  }

  private newTable(): dynamodb.Table {
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(TABLE_KEYS.partitionKey),
      sortKey: stringKey(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Only the items made to lapse carry it (a list's cursor kept a day, an idempotency
      // record's copy of an answer after its day); records never do.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The AWS managed key (aws/dynamodb): KMS encryption at rest with key use in CloudTrail,
      // at no key cost and with no key policy to get wrong. A customer managed key would only
      // be needed for cross-account access or crypto-shredding; switching later is an in-place
      // update of the table.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Complaints and agencies' answers are the system of record: a stack deletion or a
      // replacement must never take them along.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_INDEXES) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private newSearchKey(): secretsmanager.Secret {
    const searchKey = new secretsmanager.Secret(this, 'SearchKey', {
      description: `${Stack.of(this).stackName}: HMAC key of the search index in the table`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Kept with the table it keys: a new key would orphan every index entry. (Deleted with a
      // first create that rolls back, when it keys nothing yet.)
      removalPolicy: KEPT,
    });
    Validations.of(searchKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: the key names the search index items in the table, so a ' +
        'rotation must rewrite the index (a re-index job) together with the key; rotating it ' +
        'alone would hide every case from search.',
    });
    return searchKey;
  }

  /**
   * Lets `fn` read and write items and query the indexes, and tells it the table's name: the
   * permission and the `TABLE_NAME` variable always go together. Each index is named, so the
   * policy has no wildcard.
   */
  grantReadWrite(fn: lambda.Function): void {
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...ITEM_ACTIONS], resources: [this.table.tableArn] }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: TABLE_INDEXES.map((index) => `${this.table.tableArn}/index/${index.indexName}`),
      }),
    );
  }

  /**
   * Lets `fn` use the table's items by key with `actions` only (no index: it queries nothing),
   * and tells it the table's name: for a function that reads and writes items it knows the keys
   * of (the SES events function: one letter's GetItem and conditional PutItem).
   */
  grantItems(fn: lambda.Function, actions: readonly ItemAction[]): void {
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...actions], resources: [this.table.tableArn] }),
    );
  }

  /**
   * Lets `fn` read the search key and tells it where (`SEARCH_KEY_SECRET_ARN`): for whatever
   * writes a case's indexed fields or searches (the API).
   */
  grantSearchKey(fn: lambda.Function): void {
    fn.addEnvironment('SEARCH_KEY_SECRET_ARN', this.searchKey.secretArn);
    this.searchKey.grantRead(fn);
  }
}
