import LedgerDomain

/// The library of models and initiatives as the portal shows it to every signed-in
/// account: each shared one with who originated it and who applies it since when, and the
/// proposals no shared one has taken up yet.
public struct InitiativeLibrary: Sendable {
    public var initiatives: [Entry]
    public var waiting: [Proposal]

    public struct Entry: Sendable {
        public var code: String
        public var title: String
        /// In words: the agency's name, or the words SNV wrote.
        public var origin: String?
        public var award: String?
        public var description: String?
        public var url: String?
        /// `DD/MM/YYYY`.
        public var sharedOn: String
        /// Each agency applying it (its code and name) and since when (`DD/MM/YYYY`).
        public var appliers: [(code: String, name: String, since: String)]
        public init(
            code: String, title: String, origin: String?, award: String?, description: String?, url: String?, sharedOn: String,
            appliers: [(code: String, name: String, since: String)]
        ) {
            self.code = code
            self.title = title
            self.origin = origin
            self.award = award
            self.description = description
            self.url = url
            self.sharedOn = sharedOn
            self.appliers = appliers
        }
    }

    public struct Proposal: Sendable {
        public var agency: String
        public var title: String
        public var description: String
        public var proposedOn: String
        public init(agency: String, title: String, description: String, proposedOn: String) {
            self.agency = agency
            self.title = title
            self.description = description
            self.proposedOn = proposedOn
        }
    }

    public init(initiatives: [Entry], waiting: [Proposal]) {
        self.initiatives = initiatives
        self.waiting = waiting
    }
}
