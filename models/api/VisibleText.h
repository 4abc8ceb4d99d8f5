#pragma once

#include <QString>
#include <QStringView>

// Part of Formatting (models/common/Formatting.h includes it), kept beside the API code because errors from
// the server are shown through it and the API layer depends on nothing above it.
namespace mim::Formatting {

// Server text (names, tags, descriptions, messages, ids) as it may safely be shown: every character that
// is invisible or changes how the text around it is laid out is replaced by a visible escape, so a name
// can neither span lines nor reorder, hide or fake the text around it. Escaped are C0 and C1 controls and
// DEL, line and paragraph separators (U+2028, U+2029), lone surrogates and every format (Cf) character:
// bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
// characters (U+200B–U+200D, U+2060, U+FEFF), soft hyphens, tag characters and the like. The convention:
// "\n", "\r" and "\t" for those three, "\u{XXXX}" (upper-case hex, at least four digits) for the rest,
// e.g. "\u{202E}" or "\u{E0041}". Backslashes are kept as they are: the result is for reading, never
// parsed back. Text with nothing to escape comes back as the same (shared) string.
QString visibleText(const QString &text);
// Whether visibleText() would change the text: a cheap scan, meant for hot paths such as table cells.
bool hasHiddenCharacters(QStringView text);

} // namespace mim::Formatting
