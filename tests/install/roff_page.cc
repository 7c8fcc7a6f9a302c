#include "install/roff_page.h"

#include <cctype>
#include <regex>
#include <sstream>

#include "support/temp_dir.h"

namespace citecheck::testing {

std::string Unescape(const std::string& roff) {
  std::string out;
  for (size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] != '\\' || i + 1 == roff.size()) {
      out += roff[i];
      continue;
    }
    char next = roff[i + 1];
    if (next == '-' || next == 'e') {
      out += next == '-' ? '-' : '\\';
      ++i;
    } else if (next == 'f' && i + 2 < roff.size()) {
      i += 2;  // \fB, \fI, \fR, \fP
    } else if (next == 'c' || next == '&') {
      ++i;
    } else {
      out += roff[i];
    }
  }
  return out;
}

std::set<std::string> FlagsIn(const std::string& text) {
  static const std::regex kFlag(R"((^|[\s\[|"])(-{1,2}[A-Za-z][A-Za-z0-9-]*))");
  std::set<std::string> flags;
  for (std::sregex_iterator it(text.begin(), text.end(), kFlag), end; it != end; ++it) flags.insert((*it)[2]);
  return flags;
}

bool ContainsWord(const std::string& text, const std::string& word) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool before = at > 0 && is_word(text[at - 1]);
    size_t after = at + word.size();
    // A sentence's full stop after the word is not part of it.
    bool after_word = after < text.size() && is_word(text[after]) &&
                      !(text[after] == '.' && (after + 1 == text.size() || text[after + 1] == ' '));
    if (!before && !after_word) return true;
  }
  return false;
}

RoffPage::RoffPage(const std::string& path) {
  std::istringstream in(ReadFile(path));
  std::vector<std::string> block;  // lines of the .SY block being read
  bool in_synopsis_block = false;
  for (std::string raw; std::getline(in, raw);) {
    if (raw.rfind(".\\\"", 0) == 0) continue;  // comment
    std::string line = Unescape(raw);
    if (line.rfind(".TH ", 0) == 0) title_ = line;
    if (line.rfind(".SH ", 0) == 0) {
      std::string name = line.substr(4);
      if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
      sections_.push_back({name, {}});
      continue;
    }
    if (line.rfind(".SY", 0) == 0) {
      in_synopsis_block = true;
      block.clear();
      continue;
    }
    if (in_synopsis_block && line.rfind(".YS", 0) == 0) {
      in_synopsis_block = false;
      std::string subcommand;
      if (!block.empty() && block.front().rfind(".B ", 0) == 0 && block.front()[3] != '-') {
        subcommand = block.front().substr(3);
      }
      std::set<std::string>& flags = synopsis_[subcommand];
      for (const std::string& l : block) {
        for (const std::string& f : FlagsIn(l)) flags.insert(f);
      }
      continue;
    }
    if (in_synopsis_block) block.push_back(line);
    if (!sections_.empty()) sections_.back().second.push_back(line);
  }
}

std::vector<std::string> RoffPage::Sections() const {
  std::vector<std::string> names;
  for (const auto& section : sections_) names.push_back(section.first);
  return names;
}

std::set<std::string> RoffPage::SynopsisFlags(const std::string& subcommand) const {
  auto found = synopsis_.find(subcommand);
  return found == synopsis_.end() ? std::set<std::string>{} : found->second;
}

std::vector<std::string> RoffPage::Tags(const std::string& section) const {
  std::vector<std::string> tags;
  for (const auto& [name, lines] : sections_) {
    if (name != section) continue;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i] == ".TP") tags.push_back(lines[i + 1]);
    }
  }
  return tags;
}

}  // namespace citecheck::testing
