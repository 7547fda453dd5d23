import WijkCSV
import WijkMapping
import WijkModel

/// The order a run reads its sources in, and the files behind it.
///
/// The merge takes the records entity by entity (teams, staff, households, clients, care), each
/// entity source by source, so that whatever a record refers to is there before it: that order
/// is a list of *items*, one per entity a source maps from a file. A file is read once, by one
/// *job*, for every item it feeds (an XML export holding households, their members and their
/// care; a CSV file of clients with their addresses): the job's items may lie far apart in the
/// order, so all but the one whose turn it is wait in spool files.
struct ReadPlan: Sendable {
    struct Item: Sendable {
        let compiled: CompiledEntity
        let job: Int
        /// Its place among its job's items.
        let slot: Int
    }

    struct Job: Sendable {
        /// The items the job's file feeds, in read order (the first one's turn comes first).
        var items: [Int]
        /// Every entity its source reads from the same file (also in another dialect): what the
        /// XML reader needs to tell elements no records path takes from those others read.
        var sameFile: [CompiledEntity]
    }

    let items: [Item]
    let jobs: [Job]

    init(_ plan: MigrationPlan) {
        var items: [Item] = []
        var jobs: [Job] = []
        var jobsOfFile: [String: [(dialect: CSVDialect?, job: Int)]] = [:]
        for entity in Entity.allCases {
            for source in plan.sources {
                for compiled in source.entities where compiled.entity == entity {
                    // One job per file of a source and the way it is read (two entities that read
                    // one CSV file in two dialects read it twice).
                    var dialect: CSVDialect?
                    if case .csv(let d) = compiled.format { dialect = d }
                    let file = "\(source.name)\u{0}\(compiled.path)"
                    let job: Int
                    if let known = jobsOfFile[file, default: []].first(where: { $0.dialect == dialect }) {
                        job = known.job
                    } else {
                        job = jobs.count
                        jobsOfFile[file, default: []].append((dialect, job))
                        jobs.append(Job(items: [], sameFile: source.entities.filter { $0.path == compiled.path }))
                    }
                    items.append(Item(compiled: compiled, job: job, slot: jobs[job].items.count))
                    jobs[job].items.append(items.count - 1)
                }
            }
        }
        self.items = items
        self.jobs = jobs
    }
}
