import Analysis
import Ingestion
import Query

extension TermsFile {
    /// The entries with, after each one that is a single plain word of a synonym group, one entry
    /// per form of the group searched exactly (`"form"`, labelled `row · form`): a report then
    /// counts the group together and each form separately.
    public func withVariantRows(_ synonyms: SynonymTable, normalizer: Normalizer) -> TermsFile {
        var out: [Entry] = []
        for e in entries {
            out.append(e)
            let word = e.query.trimmingCharacters(in: .whitespaces)
            guard !word.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "“" || $0 == "(" }),
                let group = synonyms.group(of: normalizer.fold(TypedText.clean(word)))
            else { continue }
            for form in group.forms {
                out.append(Entry(line: e.line, query: "\"\(form)\"", label: "\(e.name) · \(form)"))
            }
        }
        return TermsFile(entries: out, problems: problems)
    }
}
