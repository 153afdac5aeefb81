import Foundation
import Testing

/// What a script sees when the output's reader leaves, the disk is full, or cron's `timeout`
/// stops the shell.
@Suite struct PipesAndSignalsTests {
    @Test func aReaderThatClosesThePipeEndsTheRunQuietlyWithSuccess() async throws {
        // Every column of a thousand contatos is far more than a pipe holds; `head -1` leaves after the header.
        let result = try await ThroughBash.run(
            #""$0" --demo --demo-latency-ms 0 -c "select * from contatos; select 1 as depois" | head -1; echo "status ${PIPESTATUS[0]}" >&2"#)
        #expect(result.stdout.hasPrefix("id,"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr == "status 0\n", "no message about the closed pipe: \(result.stderr)")
    }

    @Test func aFullDiskHasItsOwnExitStatusAndSaysSo() async throws {
        let result = try await ThroughBash.run(#""$0" --demo --demo-latency-ms 0 -c "select titulo from tarefas limit 5" > /dev/full"#)
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write the output"), "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func terminationInBatchModeSaysTheOutputIsIncompleteAndEndsByTheSignal(signal: Int32) async throws {
        let shell = try ChildProcess.shell(
            ["--demo", "--demo-latency-ms", "300", "--concurrency", "1", "-c", "select nome from oportunidades; show tables"])
        // Once the first page is out, as cron's `timeout` would.
        shell.onStdout(containing: "nome\n") { shell.deliver(signal) }
        // Bounded for a hang only: many demo shells starting at once on 2 cores take a while.
        #expect(try await shell.waitForExit(seconds: 120))
        #expect(shell.stdout.hasPrefix("nome\n"), "the first page should stream: \(shell.stdout)")
        #expect(shell.endedBySignal && shell.terminationStatus == signal)
        let stderr = shell.stderr
        #expect(stderr.contains("interrupted by \(signal == SIGTERM ? "SIGTERM" : "SIGHUP")"), "\(stderr)")
        #expect(stderr.contains("the output is incomplete"), "\(stderr)")
        #expect(!shell.stdout.contains("tarefas"), "the statements after the interrupted one must not run")
    }
}
