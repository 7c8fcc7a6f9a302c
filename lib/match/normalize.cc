#include "match/normalize.h"

#include <algorithm>
#include <string>
#include <utility>

#include "match/char_normalizer.h"
#include "match/word_builder.h"

namespace citecheck {
namespace {

using normalize_detail::Normalize;
using normalize_detail::TokenBuilder;

struct TokenSink {
  std::vector<Token> tokens;

  void Word(Token::Kind kind, std::string_view norm, uint64_t id, uint32_t begin, uint32_t end) {
    Token token;
    token.kind = kind;
    token.norm = std::string(norm);
    token.id = id;
    token.begin = begin;
    token.end = end;
    tokens.push_back(std::move(token));
  }
  void Gap(uint32_t begin, uint32_t end) {
    Token gap;
    gap.kind = Token::Kind::kGap;
    gap.begin = begin;
    gap.end = end;
    tokens.push_back(gap);
  }
};

struct WordIndexSink {
  WordIndex index;
  uint32_t base = 0;  // byte offset of the piece being tokenized

  void Word(Token::Kind, std::string_view, uint64_t id, uint32_t begin, uint32_t end) {
    index.ids.push_back(id);
    index.offsets.push_back({base + begin, base + end});
  }
  void Gap(uint32_t begin, uint32_t end) {
    index.ids.push_back(0);
    index.offsets.push_back({base + begin, base + end});
  }
};

void IndexPiece(std::string_view text, uint32_t begin, uint32_t end, WordIndexSink* sink) {
  if (begin >= end) return;
  sink->base = begin;
  TokenBuilder<WordIndexSink> builder(true, sink);
  Normalize(text.substr(begin, end - begin), true, &builder);
}

std::vector<Token> TokenizeWith(std::string_view text, bool ascii_shortcut) {
  TokenSink sink;
  TokenBuilder<TokenSink> builder(ascii_shortcut, &sink);
  Normalize(text, ascii_shortcut, &builder);
  return std::move(sink.tokens);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return TokenizeWith(text, true); }

std::vector<Token> TokenizeGeneral(std::string_view text) { return TokenizeWith(text, false); }

WordIndex IndexWords(std::string_view text) {
  WordIndexSink sink;
  // About one word in five or six bytes of running text; growth covers the rest.
  sink.index.ids.reserve(text.size() / 5 + 1);
  sink.index.offsets.reserve(text.size() / 5 + 1);
  TokenBuilder<WordIndexSink> builder(true, &sink);
  Normalize(text, true, &builder);
  return std::move(sink.index);
}

WordIndex IndexWords(std::string_view text, const std::vector<TextSpan>& optional,
                     std::vector<bool>* is_optional) {
  WordIndexSink sink;
  sink.index.ids.reserve(text.size() / 5 + 1);
  sink.index.offsets.reserve(text.size() / 5 + 1);
  is_optional->clear();
  const auto size = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  for (const TextSpan& span : optional) {
    uint32_t begin = std::min(std::max(span.begin, pos), size);
    uint32_t end = std::min(std::max(span.end, begin), size);
    IndexPiece(text, pos, begin, &sink);
    is_optional->resize(sink.index.ids.size(), false);
    IndexPiece(text, begin, end, &sink);
    is_optional->resize(sink.index.ids.size(), true);
    pos = end;
  }
  IndexPiece(text, pos, size, &sink);
  is_optional->resize(sink.index.ids.size(), false);
  return std::move(sink.index);
}

std::string NormalizeForMatch(std::string_view text) {
  std::string out;
  for (const Token& token : Tokenize(text)) {
    if (!out.empty()) out.push_back(' ');
    out += token.kind == Token::Kind::kGap ? std::string("[gap]") : token.norm;
  }
  return out;
}

}  // namespace citecheck
