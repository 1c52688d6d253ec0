/**
 * Java options for a DynamoDB Local the tests start for a few seconds (a runtime with its own,
 * DynamoDB Local's own tests), read by the `java` launcher from `JDK_JAVA_OPTIONS`: JIT
 * with C1 only. Such a JVM spent 60 % of its CPU in C2's compiler threads, compiling code it
 * hardly ran again; with C1 only the four files that start them take 23 instead of 43 CPU-s of
 * Java, and each of them less time (BENCHMARKS.md, "Test suite"). The run's shared JVM lives
 * minutes and keeps the default, as `npm start` does: C1 alone made its requests slower.
 */
export const SHORT_LIVED_JVM = { JDK_JAVA_OPTIONS: '-XX:TieredStopAtLevel=1' } as const;
