// Escaping untrusted text (article and page wording) for the HTML, XML and
// Markdown reports. Every function repairs invalid UTF-8 first (bad bytes
// become U+FFFD), so the output is always valid UTF-8.
#ifndef CITECHECK_REPORT_ESCAPE_H_
#define CITECHECK_REPORT_ESCAPE_H_

#include <string>
#include <string_view>

namespace citecheck {

// Text for HTML element content or a quoted attribute value: & < > " ' become
// entities; C0/C1 controls other than tab and newline, and the bidi overrides
// and isolates, become U+FFFD (they are not allowed in HTML or could reorder
// what the reader sees).
std::string HtmlEscape(std::string_view text);

// Text for XML 1.0 content or attribute values: as HtmlEscape (with &apos;),
// and every character XML 1.0 forbids (C0 controls but tab, newline and
// carriage return; U+FFFE, U+FFFF) becomes U+FFFD, so the document stays
// well-formed whatever a page contained.
std::string XmlEscape(std::string_view text);

// Text for one GitHub-flavoured Markdown line or table cell: line breaks
// become spaces; Markdown punctuation is backslash-escaped; < > & become
// entities (so no HTML tag survives); | is escaped for tables; "@" is
// written as an entity so a quote cannot mention (notify) a GitHub user.
std::string MarkdownEscape(std::string_view text);

// Whether `url` may become a link in a report: an absolute http or https URL
// (scheme case-insensitive) with a host and no whitespace or control
// characters. Anything else (javascript:, data:, relative) is shown as text.
bool IsWebUrl(std::string_view url);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_ESCAPE_H_
