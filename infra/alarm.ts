import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

/**
 * The Logs Insights filter the error alarms' e-mails give: Powertools' ERROR lines (JSON) and the
 * Lambda runtime's own (`ERROR Invoke Error` of an uncaught throw, `Task timed out`), which are
 * plain text, so `level = "ERROR"` alone would miss the very errors the alarm counts.
 */
export const ERRORS_QUERY = 'filter @message like /ERROR|Task timed out/';

/**
 * An alarm that fires when `metric` (a Sum of failures or errors) counts any in one period, and
 * stays quiet when there is no data (a function not invoked, a machine with no executions).
 */
export const anyInPeriodAlarm = (
  scope: Construct,
  id: string,
  alarmDescription: string,
  metric: cloudwatch.IMetric,
): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, id, {
    alarmDescription,
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
