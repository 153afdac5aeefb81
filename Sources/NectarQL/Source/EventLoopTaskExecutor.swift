import NIOCore

/// Runs a task on one event loop: the one the HTTP client reads its answers on.
///
/// A page's request runs there, so its answer resumes it on the thread that read the answer,
/// and the page is decoded there too. On the global pool every answer woke another thread to
/// decode it: a whole-record scan switched threads a third more often and used 8–13% more CPU
/// (nectarql-bench --cpu and --profile-query, 2 cores).
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
