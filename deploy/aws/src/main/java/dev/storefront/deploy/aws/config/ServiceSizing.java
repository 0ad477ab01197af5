package dev.storefront.deploy.aws.config;

/**
 * How big and how many of one service run in one environment. The JVM services measure about 150–250 MB RSS, so
 * 512–1024 MiB leaves room for the heap to grow under load without paying for idle memory.
 *
 * @param cpu Fargate CPU units (256 = 0.25 vCPU, 512 = 0.5 vCPU)
 * @param memoryMiB task memory in MiB, valid for the chosen CPU
 * @param desiredCount tasks at first deployment (autoscaling takes over afterwards)
 * @param minCapacity autoscaling floor
 * @param maxCapacity autoscaling ceiling
 * @param cpuTargetPercent average CPU the CPU policy aims for
 * @param requestsPerTarget ALB requests per task per minute the request-count policy aims for
 */
public record ServiceSizing(
        int cpu,
        int memoryMiB,
        int desiredCount,
        int minCapacity,
        int maxCapacity,
        int cpuTargetPercent,
        int requestsPerTarget) {

    public ServiceSizing {
        if (minCapacity < 1 || maxCapacity < minCapacity || desiredCount < minCapacity || desiredCount > maxCapacity) {
            throw new IllegalArgumentException(
                    "need 1 <= min <= desired <= max, got " + minCapacity + "/" + desiredCount + "/" + maxCapacity);
        }
    }
}
