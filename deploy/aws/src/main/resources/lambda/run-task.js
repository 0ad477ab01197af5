// Custom resource (CDK Provider framework, construct OneOffTask): runs a task definition once on create and on every
// update that changes the resource's properties, and reports success only when the task's first container has exited
// 0 (the database bootstrap before the services start; catalog-publisher's first publish). A delete runs nothing.
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
    // the command replaces the container's; the image's entrypoint stays
    ...(p.Command ? { overrides: { containerOverrides: [{ name: p.ContainerName, command: p.Command }] } } : {}),
    ...(p.StartedBy ? { startedBy: p.StartedBy } : {}),
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
  if (exitCode !== 0) throw new Error(`task ${task.taskArn} failed (exit ${exitCode}): ${task.stoppedReason}`);
  return { IsComplete: true };
};
