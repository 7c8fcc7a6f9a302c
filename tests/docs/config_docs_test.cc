// docs/config.md documents every key the config loader accepts, with the
// default config/citecheck.json shows, and no key the loader refuses.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "config/config.h"
#include "docs/docs_util.h"

namespace citecheck::testing {
namespace {

using nlohmann::json;

json ReadConfig(const std::string& relative) {
  return json::parse(ReadFile(SourcePath(relative)), nullptr, /*allow_exceptions=*/true,
                     /*ignore_comments=*/true);
}

// Dotted keys of a config file: the top-level sections are objects of keys;
// the value of a key may itself be an object (fetch.hosts), which is one key.
std::map<std::string, json> Keys(const json& config) {
  std::map<std::string, json> keys;
  for (const auto& [name, value] : config.items()) {
    if (value.is_object() && name != "db") {
      for (const auto& [key, inner] : value.items()) keys[name + "." + key] = inner;
    } else {
      keys[name] = value;
    }
  }
  return keys;
}

// Dotted key literals in the loader's sources ({"fetch.timeout_s", ...}), so a
// key added there without a line in config/citecheck.json is still caught.
std::set<std::string> LoaderKeys() {
  std::set<std::string> keys;
  const std::regex key(R"re("(db|(?:fetch|match|daemon|store)\.[a-z_]+)")re");
  for (const std::string& file : SourceFiles("lib/config", {".cc", ".h"})) {
    const std::string text = ReadFile(SourcePath(file));
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it) {
      keys.insert((*it)[1].str());
    }
  }
  return keys;
}

std::string KeysSection() { return Section(ReadDoc("config.md"), "Keys"); }

TEST(ConfigDocsTest, EveryKeyOfTheBundledConfigsIsDocumented) {
  const std::set<std::string> documented = TableNames(KeysSection());
  for (const char* file : {"config/citecheck.json", "config/citecheckd.json"}) {
    for (const auto& [key, value] : Keys(ReadConfig(file))) {
      EXPECT_TRUE(documented.count(key)) << key << " (" << file << ") is not in docs/config.md";
    }
  }
}

TEST(ConfigDocsTest, EveryKeyTheLoaderNamesIsDocumented) {
  const std::set<std::string> keys = LoaderKeys();
  ASSERT_GE(keys.size(), 20u) << "the key scan of lib/config found too few keys: has the loader moved?";
  const std::set<std::string> documented = TableNames(KeysSection());
  for (const std::string& key : keys) {
    EXPECT_TRUE(documented.count(key)) << key << " (lib/config) is not in docs/config.md";
  }
}

TEST(ConfigDocsTest, DocumentedDefaultsAreThoseOfTheBundledConfig) {
  const std::string section = KeysSection();
  for (const auto& [key, value] : Keys(ReadConfig("config/citecheck.json"))) {
    EXPECT_EQ(TableCell(section, key, 1), "`" + value.dump() + "`") << key;
  }
}

TEST(ConfigDocsTest, EveryDocumentedKeyIsAccepted) {
  for (const std::string& key : TableNames(KeysSection())) {
    // null is a bad value for every key: the loader must say so, not "unknown key".
    json config;
    size_t dot = key.find('.');
    if (dot == std::string::npos) {
      config[key] = nullptr;
    } else {
      config[key.substr(0, dot)][key.substr(dot + 1)] = nullptr;
    }
    Config loaded;
    ConfigStatus status = ApplyConfigText(config.dump(), "docs/config.md", &loaded);
    EXPECT_EQ(status.error.find("unknown key"), std::string::npos)
        << "docs/config.md documents " << key << ", which the loader does not know: " << status.error;
  }
}

}  // namespace
}  // namespace citecheck::testing
