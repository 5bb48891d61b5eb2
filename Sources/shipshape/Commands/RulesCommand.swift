import ArgumentParser
import Checklist

/// `shipshape rules`: the checklist catalogue, or one rule explained with examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the checklist's rules, or explain one with a failing and a passing example."
    )

    @Argument(help: "A rule id, such as image-pinned.")
    var rule: String?

    func validate() throws {
        if let rule, Catalogue.rule(rule) == nil {
            throw ValidationError("unknown rule \(rule); `shipshape rules` lists them")
        }
    }

    func run() throws {
        let text = rule.flatMap(Catalogue.rule).map(RulesListing.explanation(of:)) ?? RulesListing.table()
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}
