// Custom resource (CDK Provider framework): runs the one-off database bootstrap task on every create or update and
// reports success only when the task's container has exited 0, so the services deploy after their roles exist.
const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
const ecs = new ECSClient({});

exports.onEvent = async (event) => {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const p = event.ResourceProperties;
  const out = await ecs.send(new RunTaskCommand({
    cluster: p.Cluster,
    taskDefinition: p.TaskDefinition,
    launchType: 'FARGATE',
    count: 1,
    networkConfiguration: { awsvpcConfiguration: {
      subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' } },
  }));
  if (!out.tasks || out.tasks.length === 0) throw new Error('RunTask failed: ' + JSON.stringify(out.failures));
  return { PhysicalResourceId: out.tasks[0].taskArn };
};

exports.isComplete = async (event) => {
  if (event.RequestType === 'Delete') return { IsComplete: true };
  const out = await ecs.send(new DescribeTasksCommand({
    cluster: event.ResourceProperties.Cluster, tasks: [event.PhysicalResourceId] }));
  const task = out.tasks && out.tasks[0];
  if (!task || task.lastStatus !== 'STOPPED') return { IsComplete: false };
  const exitCode = task.containers && task.containers[0] && task.containers[0].exitCode;
  if (exitCode !== 0) throw new Error(`bootstrap task ${task.taskArn} failed (exit ${exitCode}): ${task.stoppedReason}`);
  return { IsComplete: true };
};
