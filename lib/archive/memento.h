// Memento (RFC 7089) and Wayback Machine details of archived copies (SPEC
// "Archived copies"): the Accept-Datetime a TimeGate lookup sends, the
// Memento-Datetime a copy is dated by, and the Wayback URL of a copy's
// original bytes. Pure: no I/O.
#ifndef CITECHECK_ARCHIVE_MEMENTO_H_
#define CITECHECK_ARCHIVE_MEMENTO_H_

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace citecheck {

// The Accept-Datetime value (RFC 1123, GMT) for a copy of the day `date`
// ("YYYY-MM-DD", e.g. a citation's access-date), at noon: the middle of the
// day the source was read. An empty or malformed date gives `now`.
std::string AcceptDatetime(std::string_view date, std::time_t now);

// A Memento-Datetime header value (an HTTP date) as ISO 8601 UTC
// ("2019-05-03T12:00:00Z"); nullopt when it is not a date.
std::optional<std::string> ParseMementoDatetime(std::string_view value);

// A Wayback-style memento URL: {prefix}/web/{timestamp}{flags}/{original},
// the timestamp 4 to 14 digits, the flags (id_, im_, ...) optional.
struct WaybackUrl {
  std::string prefix;     // up to and including "/web/"
  std::string timestamp;  // digits only
  std::string original;   // the archived URL, as it follows
};
std::optional<WaybackUrl> ParseWaybackUrl(std::string_view url);

// The URL of a copy's original bytes: for a Wayback memento
// {prefix}{timestamp}id_/{original} (the archive's page chrome left out);
// any other URL as it is.
std::string OriginalBytesUrl(std::string_view memento_url);

// ISO 8601 UTC of a Wayback timestamp (missing digits are the start of the
// period: "2019" is 2019-01-01T00:00:00Z); nullopt when not a date.
std::optional<std::string> WaybackTimestampDatetime(std::string_view timestamp);

// "2019-05-03T12:00:00Z" -> "2019-05-03" (archive-date= takes a day).
std::string DatetimeDay(std::string_view iso_datetime);

}  // namespace citecheck

#endif  // CITECHECK_ARCHIVE_MEMENTO_H_
