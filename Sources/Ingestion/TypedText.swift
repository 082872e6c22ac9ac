/// Text a user types (a query part, a filter value) cleaned exactly as a document line is, so that
/// "2025 年" finds the 2025年 that cleaning made of a PDF's "2025 年", and "外商直接投资 ( FDI )" finds
/// the table cell it came from: runs of spaces beside a CJK character go, other runs become one
/// space (`LineCleaner.collapseSpaces`, the one definition).
public enum TypedText {
    public static func clean(_ text: String) -> String {
        String(scalars: LineCleaner.collapseSpaces(Array(text.unicodeScalars)))
    }
}
