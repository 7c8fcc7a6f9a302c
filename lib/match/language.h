// Guessing the language of a text from its letters and function words, so a
// quote that is a translation of its source can be told from a fabrication.
#ifndef CITECHECK_MATCH_LANGUAGE_H_
#define CITECHECK_MATCH_LANGUAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/normalize.h"

namespace citecheck {

// ISO 639-1 code, or "" when unsure. The script decides first (Cyrillic:
// ru, uk or bg; Greek: el; kana: ja; Han: zh; Hangul: ko; Arabic, Hebrew,
// Devanagari, Thai); Latin text is told apart by its most common function
// words (en, de, fr, es, it, pt, nl), and needs at least three of them and a
// clear lead over the runner-up. `word_ids` are the ids of `text`'s words
// (normalize.h). Only the first part of a long text is read.
std::string DetectLanguageOf(std::string_view text, const std::vector<uint64_t>& word_ids);

// True when both texts have a clearly dominant script and the scripts differ
// (Latin vs Cyrillic, say): even a quote too short for DetectLanguageOf is
// then surely not in the page's language.
bool WrittenInDifferentScripts(std::string_view a, std::string_view b);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_LANGUAGE_H_
