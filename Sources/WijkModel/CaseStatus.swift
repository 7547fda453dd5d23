/// The words sources use for a plan or hulpvraag that has ended, compared in lower case. Shared by
/// the conflict stage (is a plan still active?) and the monitoring figures (is a hulpvraag open?).
public enum CaseStatus {
    public static let closedWords: Set<String> = ["afgesloten", "gesloten", "afgerond", "beeindigd", "beëindigd", "closed"]

    public static func isClosed(_ status: String?) -> Bool {
        guard let status else { return false }
        return closedWords.contains(status.lowercased())
    }

    /// The same test as SQL on a column, for both stores: `LOWER(col) IN ('afgesloten', …)`.
    public static func sqlIsClosed(_ column: String) -> String {
        "LOWER(COALESCE(\(column), '')) IN (" + closedWords.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")"
    }
}
