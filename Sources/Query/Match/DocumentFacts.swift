import Analysis
import Index
import Ingestion

/// What the filters and the research views need to know about each document, read once per
/// searcher: names, title, region (catalog, else inferred from the title, issuer or document
/// number), issuer (catalog, else the opening's labelled fields, else the organ its title names),
/// date (catalog, else the date line or document number of its opening), and its passages.
public struct DocumentFacts: Sendable {
    public var index: Int
    public var name: String
    public var title: String
    public var region: String?
    /// The region came from the text, not the catalog.
    public var regionInferred: Bool
    public var issuer: String?
    /// The document number (发文字号: 川府发〔2021〕12号) its opening prints, labelled or on a line of
    /// its own; read with the other facts where the catalog leaves one of them to the text.
    public var number: String?
    public var date: String?
    /// The date came from the text, not the catalog.
    public var dateInferred: Bool
    public var format: String
    public var passages: Range<Int>
    /// A hash of the text its passages hold: documents with the same are copies (the same plan
    /// saved twice, or in another encoding or format), whose mentions every total counts again.
    /// Nil in an index written before it was kept.
    public var textHash: String? = nil
    /// The first document of the index with the same text, when this one is a later copy of it.
    public var sameContentAs: String? = nil

    public static func load(_ reader: IndexReader) throws -> [DocumentFacts] {
        var first: [String: String] = [:]
        return try (0..<reader.documentCount).map { d in
            let info = try reader.documentInfo(d)
            var facts = try load(reader, d, info)
            facts.textHash = info.textHash
            if let hash = info.textHash {
                if let name = first[hash] { facts.sameContentAs = name } else { first[hash] = facts.name }
            }
            return facts
        }
    }

    private static func load(_ reader: IndexReader, _ d: Int, _ info: DocumentInfo) throws -> DocumentFacts {
        let range = try reader.passageRange(ofDocument: d)
        var region = info.metadata.region, date = info.metadata.date, issuer = info.metadata.issuer
        var opening: [String] = []
        var dateField: String?
        var number: String?
        var fields = OpeningFields()
        if region == nil || date == nil || issuer == nil {
            // The opening passages hold the issuing notice (document number, date line) or a
            // saved page's labelled fields.
            // 400 characters hold a law's adoption note with its revisions (the date reads its end).
            let long = try range.prefix(OpeningFields.openingPassages).map { String(try reader.passage($0).text.prefix(400)) }
            let texts = long.map { String($0.prefix(200)) }
            fields = OpeningFields(lines: texts)
            issuer =
                issuer ?? fields.issuer ?? IssuerName.read(info.metadata.noticeTitle ?? info.title, IssuerName.infer(fromTitle:))
                ?? texts.prefix(8).lazy.compactMap { IssuerName.read($0, IssuerName.coverLine) }.first
                ?? texts.prefix(8).lazy.compactMap { IssuerName.read($0, IssuerName.decreeLine) }.first
                ?? long.prefix(8).lazy.compactMap { IssuerName.read($0, IssuerName.adoptionNote) }.first
            dateField = fields.date
            number =
                fields.number ?? texts.prefix(8).lazy.compactMap(Regions.documentNumber(inLine:)).first
                ?? Regions.decreeNumber(in: Array(texts.prefix(8)))
            // Twelve: organ, title, number, addressees, body, an attachment list of up to five
            // items, the signature, then the date line.
            // A page's field line (发布时间：… 来源：…) dates the page, not the document: read last.
            let own = long.filter { !PageFields.isFieldLine(Array($0.unicodeScalars)) }
            opening = [fields.number].compactMap { $0 } + own.prefix(12) + IssueDate.afterClosingFormula(own)
        }
        let regionInferred = region == nil
        if region == nil { region = Regions.infer(title: info.title, issuer: issuer, opening: opening) }
        let dateInferred = date == nil
        if date == nil || issuer == nil {
            // The date line under the signature that closes a document (an 意见 or 办法 issued alone),
            // before its attachments if it has any (附件1 …, entries of their own at its end) and
            // its 版记 (抄送：…, …印发), which closes the file after them.
            var end = range.upperBound
            while end > range.lowerBound + 1, end > range.upperBound - 2000,
                let part = try reader.path(try reader.passageRecord(end - 1).pathID).headings.first,
                part.hasPrefix("附件") || part == Document.recordBlock
            {
                end -= 1
            }
            let ends = end < range.upperBound ? [range.lowerBound..<end, range] : [range]
            let closing = try ends.map { r in try r.suffix(6).reversed().map { String(try reader.passage($0).text.prefix(40)) } }
            if date == nil {
                date = IssueDate.infer(title: info.title, field: dateField, opening: opening, closing: closing.flatMap { $0 })
            }
            // The signature over the closing date line (某市人民政府 / 2025年4月3日), of a
            // document that names its issuer nowhere before.
            if issuer == nil { issuer = closing.lazy.compactMap(IssuerName.signature(closing:)).first }
        }
        // A saved page's source and publication time come last: the page's, not the document's.
        if issuer == nil { issuer = fields.source }
        if date == nil, let published = fields.published { date = IssueDate.infer(title: "", field: published, opening: []) }
        // Joint issuers read from the text run together (cleaning drops the space between them).
        if info.metadata.issuer == nil { issuer = issuer.map { OrganNames.listed($0) } }
        return DocumentFacts(
            index: d, name: info.name, title: info.title, region: region, regionInferred: regionInferred && region != nil,
            issuer: issuer, number: number, date: date, dateInferred: dateInferred && date != nil, format: info.format, passages: range)
    }
}

extension DocumentFilter {
    /// Whether the filter selects a document. Values and metadata are compared after the text
    /// normalization (full-width, case, dash variants), so doc:ＣＨＯＮＧＱＩＮＧ works.
    public func selects(_ d: DocumentFacts, normalizer: Normalizer) -> Bool {
        func norm(_ s: String) -> String {
            String(String.UnicodeScalarView(normalizer.fold(TypedText.clean(s)).compactMap(Unicode.Scalar.init)))
        }
        let v = norm(value)
        guard !v.isEmpty else { return false }
        switch field {
        case .doc: return norm(d.name).contains(v) || norm(d.title).contains(v)
        case .issuer: return d.issuer.map { norm($0).contains(v) } ?? false
        case .region: return d.region.map { Regions.matches(region: norm($0), filter: v) } ?? false
        case .date:
            guard let date = d.date else { return false }
            let u = Self.unifiedDate(norm(date))
            // Split as typed: folding turns a range's — into a date's own hyphen.
            guard let typed = Self.dateRange(value) else { return u.hasPrefix(Self.unifiedDate(v)) }
            let range = (from: typed.from.map(norm), to: typed.to.map(norm))
            // From the start's first day through the end's last: 2021-07..2022 holds 2022-12-31.
            let afterStart = range.from.map { u >= Self.unifiedDate($0) } ?? true
            let beforeEnd = range.to.map { end in u.hasPrefix(Self.unifiedDate(end)) || u < Self.unifiedDate(end) } ?? true
            return afterStart && beforeEnd
        case .year:
            guard let date = d.date, let year = Int(norm(date).prefix(4)) else { return false }
            if let range = Self.yearRange(v) { return range.contains(year) }
            return norm(date).hasPrefix(v)
        }
    }

    /// 2021年11月12日, 2021.11.12 and 2021/11/12 compared as 2021-11-12.
    static func unifiedDate(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "年", "月", ".", "/": out.append("-")
            case "日": break
            default: out.append(c)
            }
        }
        // 2021-1-5 → 2021-01-05, so prefixes compare field by field.
        // 2021年 and 2022年5月 end with their last field: no separator left after it.
        while out.hasSuffix("-") { out.removeLast() }
        let fields = out.split(separator: "-", omittingEmptySubsequences: false)
        return fields.enumerated().map { i, f in i > 0 && f.count == 1 ? "0" + f : String(f) }.joined(separator: "-")
    }
}
