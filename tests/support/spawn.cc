#include "support/spawn.h"

#include <fcntl.h>
#include <spawn.h>

#include <cstring>
#include <stdexcept>

extern char** environ;

namespace citecheck::testing {

pid_t SpawnChild(const std::string& binary, const std::vector<std::string>& args,
                 const std::vector<std::string>& env, const ChildStreams& streams) {
  const int out_flags = O_WRONLY | O_CREAT | (streams.append ? O_APPEND : O_TRUNC);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, streams.stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, streams.stdout_path.c_str(), out_flags, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, streams.stderr_path.c_str(), out_flags, 0600);

  std::vector<std::string> argv_storage = {binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  // The suite never reaches a real archive: a test that wants one enables
  // it in its config file (docs/config.md "Where it is looked up").
  env_storage.emplace_back("CITECHECK_NO_ARCHIVE=1");
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + binary + ": " + std::strerror(rc));
  return pid;
}

}  // namespace citecheck::testing
