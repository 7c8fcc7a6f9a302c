#include "config/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/ascii.h"
#include "core/url.h"
#include "fetch/private_address.h"
#include "fetch/url_filter.h"

namespace citecheck {
namespace {

using nlohmann::json;

// One setter per dotted key; it returns an error text (without the key) or "".
using Setter = std::function<std::string(const json&, Config*)>;

std::string SetInt(const json& v, int* out, int min, int max) {
  if (!v.is_number_integer()) return "expected an integer";
  auto n = v.get<int64_t>();
  if (n < min || n > max) {
    return "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
  }
  *out = static_cast<int>(n);
  return "";
}

// A size in bytes: a positive integer.
std::string SetByteCount(const json& v, int64_t* out) {
  if (!v.is_number_integer() || v.get<int64_t>() < 1) return "expected a positive integer";
  *out = v.get<int64_t>();
  return "";
}

std::string SetString(const json& v, std::string* out) {
  if (!v.is_string()) return "expected a string";
  *out = v.get<std::string>();
  return "";
}

std::string SetAllowPrivate(const json& v, Config* c) {
  if (v.is_boolean()) {
    c->fetch.allow_all_private = v.get<bool>();
    c->fetch.allowed_private_ranges.clear();
    return "";
  }
  if (!v.is_array()) return "expected true, false, or a list of addresses and CIDR ranges";
  std::vector<std::string> ranges;
  for (const auto& item : v) {
    if (!item.is_string()) return "expected a list of strings";
    ranges.push_back(item.get<std::string>());
  }
  std::vector<AddressRange> parsed;
  std::string error;
  if (!ParseAddressRanges(ranges, &parsed, &error)) return error;
  c->fetch.allow_all_private = false;
  c->fetch.allowed_private_ranges = ranges;
  return "";
}

std::string SetExclude(const json& v, Config* c) {
  if (!v.is_array()) return "expected a list of regular expressions";
  std::vector<std::string> patterns;
  for (const auto& item : v) {
    if (!item.is_string()) return "expected a list of strings";
    patterns.push_back(item.get<std::string>());
  }
  std::vector<ExcludePattern> compiled;
  std::string error;
  if (!CompileExcludePatterns(patterns, &compiled, &error)) return error;
  c->fetch.exclude = patterns;
  return "";
}

std::string SetHosts(const json& v, Config* c) {
  if (!v.is_object()) return "expected an object of host names";
  std::map<std::string, HostLimits> hosts;
  for (const auto& [host, limits] : v.items()) {
    if (!limits.is_object()) return "\"" + host + "\": expected an object";
    HostLimits h{c->fetch.per_host_concurrency, c->fetch.per_host_interval_ms};
    for (const auto& [key, value] : limits.items()) {
      std::string error;
      if (key == "per_host_concurrency") {
        error = SetInt(value, &h.concurrency, 1, 1000);
      } else if (key == "per_host_interval_ms") {
        error = SetInt(value, &h.interval_ms, 0, 3600000);
      } else {
        error = "unknown key";
      }
      if (!error.empty()) return "\"" + host + "\"." + key + ": " + error;
    }
    hosts[host] = h;
  }
  c->fetch.hosts = hosts;
  return "";
}

const std::map<std::string, Setter>& Setters() {
  static const auto* setters = new std::map<std::string, Setter>{
      {"db", [](const json& v, Config* c) { return SetString(v, &c->db); }},
      {"fetch.concurrency", [](const json& v, Config* c) { return SetInt(v, &c->fetch.concurrency, 1, 1024); }},
      {"fetch.per_host_concurrency",
       [](const json& v, Config* c) { return SetInt(v, &c->fetch.per_host_concurrency, 1, 1024); }},
      {"fetch.per_host_interval_ms",
       [](const json& v, Config* c) { return SetInt(v, &c->fetch.per_host_interval_ms, 0, 3600000); }},
      {"fetch.connect_timeout_s",
       [](const json& v, Config* c) { return SetInt(v, &c->fetch.connect_timeout_s, 1, 3600); }},
      {"fetch.timeout_s", [](const json& v, Config* c) { return SetInt(v, &c->fetch.timeout_s, 1, 3600); }},
      {"fetch.max_redirects", [](const json& v, Config* c) { return SetInt(v, &c->fetch.max_redirects, 0, 100); }},
      {"fetch.max_body_bytes", [](const json& v, Config* c) { return SetByteCount(v, &c->fetch.max_body_bytes); }},
      {"fetch.max_document_bytes",
       [](const json& v, Config* c) { return SetByteCount(v, &c->fetch.max_document_bytes); }},
      {"fetch.retries", [](const json& v, Config* c) { return SetInt(v, &c->fetch.retries, 0, 10); }},
      {"fetch.retry_after_cap_s",
       [](const json& v, Config* c) { return SetInt(v, &c->fetch.retry_after_cap_s, 0, 3600); }},
      {"fetch.cache_max_age_s",
       [](const json& v, Config* c) -> std::string {
         if (!v.is_number_integer() || v.get<int64_t>() < 0) return "expected a non-negative integer";
         c->fetch.cache_max_age_s = v.get<int64_t>();
         return "";
       }},
      {"fetch.user_agent", [](const json& v, Config* c) { return SetString(v, &c->fetch.user_agent); }},
      {"fetch.proxy", [](const json& v, Config* c) { return SetString(v, &c->fetch.proxy); }},
      {"fetch.allow_private_networks", SetAllowPrivate},
      {"fetch.exclude", SetExclude},
      {"fetch.hosts", SetHosts},
      {"match.min_quote_words", [](const json& v, Config* c) { return SetInt(v, &c->min_quote_words, 1, 100); }},
      {"match.near_threshold",
       [](const json& v, Config* c) -> std::string {
         if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 0.5) {
           return "expected a number from 0 to 0.5";
         }
         c->match.near_threshold = v.get<double>();
         return "";
       }},
      {"daemon.listen", [](const json& v, Config* c) { return SetString(v, &c->daemon.listen); }},
      {"daemon.token_file", [](const json& v, Config* c) { return SetString(v, &c->daemon.token_file); }},
      {"daemon.schedule", [](const json& v, Config* c) { return SetString(v, &c->daemon.schedule); }},
      {"daemon.max_request_bytes",
       [](const json& v, Config* c) { return SetInt(v, &c->daemon.max_request_bytes, 1024, 1 << 30); }},
      {"daemon.job_timeout_s",
       [](const json& v, Config* c) { return SetInt(v, &c->daemon.job_timeout_s, 0, 7 * 24 * 3600); }},
      {"daemon.lease_s",
       [](const json& v, Config* c) {
         std::string error = SetInt(v, &c->daemon.lease_s, 2, 24 * 3600);
         if (error.empty()) c->daemon.lease_s_set = true;
         return error;
       }},
      {"archive.enabled",
       [](const json& v, Config* c) -> std::string {
         if (!v.is_boolean()) return "expected true or false";
         c->archive.enabled = v.get<bool>();
         return "";
       }},
      {"archive.timegate",
       [](const json& v, Config* c) -> std::string {
         if (!v.is_string()) return "expected a string";
         std::string url = v.get<std::string>();
         std::string scheme = UrlScheme(url);
         if ((scheme != "http" && scheme != "https") || UrlHost(url).empty()) {
           return "expected an http or https URL";
         }
         c->archive.timegate = url;
         return "";
       }},
      {"archive.when",
       [](const json& v, Config* c) -> std::string {
         if (v == "dead") c->archive.when = ArchiveConfig::When::kDead;
         else if (v == "dead_or_missing") c->archive.when = ArchiveConfig::When::kDeadOrMissing;
         else return "expected \"dead\" or \"dead_or_missing\"";
         return "";
       }},
      {"store.keep_runs", [](const json& v, Config* c) { return SetInt(v, &c->store.keep_runs, 1, 1000000); }},
  };
  return *setters;
}

// Walks nested objects; a key is either a leaf setter or an object of keys.
std::string ApplyObject(const json& object, const std::string& prefix, Config* config) {
  for (const auto& [key, value] : object.items()) {
    std::string path = prefix.empty() ? key : prefix + "." + key;
    auto it = Setters().find(path);
    if (it != Setters().end()) {
      std::string error = it->second(value, config);
      if (!error.empty()) return path + ": " + error;
      continue;
    }
    bool is_section = path == "fetch" || path == "match" || path == "daemon" || path == "store" ||
                      path == "archive";
    if (!is_section) return "unknown key \"" + path + "\"";
    if (!value.is_object()) return path + ": expected an object";
    std::string error = ApplyObject(value, path, config);
    if (!error.empty()) return error;
  }
  return "";
}

bool FileExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

ConfigStatus ApplyConfigText(const std::string& json_text, const std::string& origin, Config* config) {
  json root;
  try {
    // Comments are allowed so that config/citecheck.json can document itself.
    root = json::parse(json_text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    return {false, origin + ": invalid JSON: " + e.what()};
  }
  if (!root.is_object()) return {false, origin + ": expected a JSON object at the top level"};
  std::string error = ApplyObject(root, "", config);
  if (!error.empty()) return {false, origin + ": " + error};
  // A host slot lasts one lease from its start, so a transfer must end
  // within it; and a worker that stalls must not lose a transfer still
  // within its own timeout to a rescuer. A config that only raised the
  // timeout gets a longer lease rather than an error.
  if (config->daemon.lease_s <= config->fetch.timeout_s && !config->daemon.lease_s_set) {
    config->daemon.lease_s = 2 * config->fetch.timeout_s;  // timeout_s is at most 3600
  }
  if (config->daemon.lease_s <= config->fetch.timeout_s) {
    return {false, origin + ": daemon.lease_s (" + std::to_string(config->daemon.lease_s) +
                       ") must be longer than fetch.timeout_s (" + std::to_string(config->fetch.timeout_s) + ")"};
  }
  config->loaded_from = origin;
  return {};
}

std::optional<std::string> FindConfigFile(const std::string& explicit_path, std::string* error) {
  if (!explicit_path.empty()) {
    if (FileExists(explicit_path)) return explicit_path;
    *error = "config file " + explicit_path + " (from --config) does not exist";
    return std::nullopt;
  }
  if (const char* env = std::getenv("CITECHECK_CONFIG"); env != nullptr && *env != '\0') {
    if (FileExists(env)) return std::string(env);
    *error = std::string("config file ") + env + " (from $CITECHECK_CONFIG) does not exist";
    return std::nullopt;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    std::string user = std::string(home) + "/.config/citecheck/config.json";
    if (FileExists(user)) return user;
  }
  if (FileExists("/etc/citecheck/config.json")) return std::string("/etc/citecheck/config.json");
  return std::nullopt;
}

ConfigStatus LoadConfig(const std::string& explicit_path, Config* config) {
  // Machines that must not reach an archive (offline builds, the test
  // suite) turn lookups off by default; a config file may still enable them.
  if (const char* off = std::getenv("CITECHECK_NO_ARCHIVE"); off != nullptr && *off != '\0') {
    config->archive.enabled = false;
  }
  std::string error;
  auto path = FindConfigFile(explicit_path, &error);
  if (!path) {
    if (error.empty()) return {};
    return {false, error};
  }
  std::ifstream in(*path, std::ios::binary);
  if (!in) return {false, "cannot read config file " + *path};
  std::ostringstream text;
  text << in.rdbuf();
  return ApplyConfigText(text.str(), *path, config);
}

FetchOptions FetcherOptions(const Config& config) {
  FetchOptions options = config.fetch;
  if (!config.archive.enabled) return options;
  const std::string host = UrlHost(config.archive.timegate);
  if (host.empty()) return options;
  for (const auto& [name, limits] : options.hosts) {
    if (AsciiLower(name) == host) return options;  // the user's own setting wins
  }
  options.hosts[host] = kArchiveHostLimits;
  return options;
}

ConfigStatus ApplyAllowPrivate(const std::string& value, FetchOptions* fetch) {
  if (value.empty() || value == "true") {
    fetch->allow_all_private = true;
    fetch->allowed_private_ranges.clear();
    return {};
  }
  if (value == "false") {
    fetch->allow_all_private = false;
    fetch->allowed_private_ranges.clear();
    return {};
  }
  std::vector<std::string> ranges;
  std::stringstream ss(value);
  for (std::string item; std::getline(ss, item, ',');) {
    if (!item.empty()) ranges.push_back(item);
  }
  std::vector<AddressRange> parsed;
  std::string error;
  if (!ParseAddressRanges(ranges, &parsed, &error)) return {false, "--allow-private: " + error};
  fetch->allow_all_private = false;
  fetch->allowed_private_ranges = ranges;
  return {};
}

}  // namespace citecheck
