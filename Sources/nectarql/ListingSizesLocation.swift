import Foundation

/// Where the engine remembers listing sizes between sessions: beside the history file. The demo
/// has a file of its own, so its generated data never shapes the scans of a real account.
enum ListingSizesLocation {
    static func path(besideHistoryFile history: String, demo: Bool) -> String {
        let directory = (history as NSString).deletingLastPathComponent
        return (directory as NSString).appendingPathComponent(demo ? ".nectarql_demo_sizes" : ".nectarql_sizes")
    }
}
