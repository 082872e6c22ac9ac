import Testing

/// Reliability: hostile inputs, crashes, concurrent writers and readers, hostile queries, and
/// regressions from fuzzing (see Fuzz/ and scripts/fuzz).
///
/// Serialized: the crash and concurrency tests time child processes (kill delays are spread over a
/// measured run), so they must not compete with the other heavy tests of this suite for the CPU.
@Suite(.serialized) struct ReliabilityTests {}
