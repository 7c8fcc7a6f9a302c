#include "daemon/daemon.h"

#include <sys/socket.h>

#include <chrono>

#include "daemon/api.h"
#include "daemon/cron.h"
#include "daemon/log.h"
#include "daemon/store_host_gate.h"
#include "web/web_routes.h"

namespace citecheck {
namespace {

constexpr int kListenBacklog = 1024;

}  // namespace

bool ParseListen(const std::string& listen, std::string* host, int* port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= listen.size()) return false;
  *host = listen.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') *host = host->substr(1, host->size() - 2);
  const std::string port_text = listen.substr(colon + 1);
  if (port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5) return false;
  *port = std::stoi(port_text);
  return *port <= 65535;
}

Daemon::Daemon(DaemonOptions options)
    : options_(std::move(options)), config_(options_.config), stores_(options_.config.db) {}

Daemon::~Daemon() {
  stop_ = true;
  if (server_) server_->stop();
  for (std::thread* t : {&server_thread_, &scheduler_thread_, &worker_thread_}) {
    if (t->joinable()) t->join();
  }
  // Before worker_ goes (its heartbeat thread asks the worker for its job):
  // stops beating and leaves the workers table.
  membership_.reset();
}

bool Daemon::Start(std::string* error) {
  std::string schedule_error;
  if (!CronSchedule::Parse(options_.config.daemon.schedule, &schedule_error)) {
    *error = "daemon.schedule: " + schedule_error;
    return false;
  }
  std::string host;
  if (!ParseListen(options_.config.daemon.listen, &host, &port_)) {
    *error = "daemon.listen: expected HOST:PORT, got \"" + options_.config.daemon.listen + "\"";
    return false;
  }
  try {
    auto store = stores_.Acquire();
    if (options_.sole) {
      const int runs = store->InterruptRunningRuns("daemon");
      const int jobs = store->RequeueRunningJobs();
      if (runs > 0 || jobs > 0) {
        Log(LogLevel::kInfo, "daemon.recover",
            {{"interrupted_runs", std::to_string(runs)}, {"requeued_jobs", std::to_string(jobs)}});
      }
    } else if (const int jobs = store->RescueLapsedWork(); jobs > 0) {
      Log(LogLevel::kInfo, "daemon.recover", {{"requeued_jobs", std::to_string(jobs)}});
    }
  } catch (const std::exception& e) {
    *error = e.what();
    return false;
  }
  server_ = std::make_unique<httplib::Server>();
  // Each keep-alive connection holds a thread: room for many API clients.
  server_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  // cpp-httplib's listen backlog is a compile-time 5 in Debian's build, too
  // short for many clients connecting at once: remember the listening
  // socket and raise it after binding (listen() again updates the backlog).
  server_->set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;
  });
  // A client may keep its connection for as long as it is busy: closing it
  // after N requests races with the client's next request.
  server_->set_keep_alive_max_count(1000000);
  server_->set_keep_alive_timeout(10);
  server_->set_tcp_nodelay(true);  // small JSON replies: no delayed-ACK stalls
  scheduler_ = std::make_unique<Scheduler>(config_, stop_, *options_.clock, [this] { worker_->Wake(); });
  scheduler_->RecordFirstStart(*stores_.Acquire());
  ApiContext context;
  context.stores = &stores_;
  context.metrics = &metrics_;
  context.token = options_.token;
  context.max_request_bytes = options_.max_request_bytes;
  context.stopping = &stop_;
  context.on_queued = [this] { worker_->Wake(); };
  api_ = InstallApi(*server_, context);
  WebContext web;
  web.stores = &stores_;
  web.token = options_.token;
  web.stopping = &stop_;
  web.on_queued = context.on_queued;
  web_ = InstallWeb(*server_, web);
  if (port_ == 0) {
    port_ = server_->bind_to_any_port(host);
    if (port_ < 0) port_ = 0;
  } else if (!server_->bind_to_port(host, port_)) {
    port_ = 0;
  }
  if (port_ == 0) {
    *error = "cannot listen on " + options_.config.daemon.listen + " (address in use or not local?)";
    return false;
  }
  // The worker joins once its address is known (GET /v1/workers shows the
  // port a "127.0.0.1:0" got); no request is served before listen below.
  try {
    const std::string address =
        (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port_);
    membership_ = std::make_unique<Membership>(
        options_.config.db, DescribeThisWorker(address), options_.config.daemon.lease_s,
        [this] { return worker_->current_claim(); }, [this] { worker_->Wake(); });
    std::shared_ptr<HostGate> gate;
    if (!options_.sole) gate = std::make_shared<StoreHostGate>(options_.config.db, membership_->lease());
    worker_ = std::make_unique<Worker>(config_, metrics_, stop_, *membership_, std::move(gate));
    membership_->Start();  // its thread asks worker_, which exists now
  } catch (const std::exception& e) {
    *error = e.what();
    return false;
  }
  if (listen_socket_ >= 0) ::listen(listen_socket_, kListenBacklog);
  server_thread_ = std::thread([this] {
    server_->listen_after_bind();
    server_done_ = true;
  });
  // cpp-httplib's stop() does nothing until listen_after_bind() has marked
  // the server running, so a SIGTERM right after "daemon.start" would be
  // lost and the daemon would never exit: announce the start only once the
  // server can be stopped. It takes microseconds (longer under ASan).
  while (!server_->is_running() && !server_done_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  worker_thread_ = std::thread([this] {
    worker_->Run();
    worker_done_ = true;
  });
  scheduler_thread_ = std::thread([this] { scheduler_->Run(); });
  Log(LogLevel::kInfo, "daemon.start",
      {{"listen", host + ":" + std::to_string(port_)}, {"db", options_.config.db},
       {"schedule", options_.config.daemon.schedule}});
  return true;
}

void Daemon::RequestStop() {
  if (stop_.exchange(true)) return;
  Log(LogLevel::kInfo, "daemon.stopping", {{"grace_s", std::to_string(options_.stop_grace_s)}});
  if (server_) server_->stop();
  if (worker_) worker_->Wake();
  if (scheduler_) scheduler_->Wake();
}

void Daemon::Reload(const Config& config) {
  std::string error;
  if (!CronSchedule::Parse(config.daemon.schedule, &error)) {
    Log(LogLevel::kError, "daemon.reload_failed", {{"error", "daemon.schedule: " + error}});
    return;
  }
  Config next = config;
  auto current = config_.Get();
  if (next.db != current->db || next.daemon.listen != current->daemon.listen) {
    Log(LogLevel::kWarn, "daemon.reload_partial", {{"reason", "db and daemon.listen need a restart"}});
    next.db = current->db;
    next.daemon.listen = current->daemon.listen;
  }
  config_.Set(std::move(next));
  if (scheduler_) scheduler_->Wake();
  Log(LogLevel::kInfo, "daemon.reload", {{"schedule", config.daemon.schedule}});
}

bool Daemon::Wait() {
  if (server_thread_.joinable()) server_thread_.join();
  if (scheduler_thread_.joinable()) scheduler_thread_.join();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.stop_grace_s);
  while (!worker_done_ && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (worker_done_) {
    worker_thread_.join();
    Log(LogLevel::kInfo, "daemon.stopped");
    return true;
  }
  // In-flight transfers did not finish in time: abandon them. What was
  // committed stays; the run resumes at the next start.
  const int64_t job = worker_->current_job();
  const int64_t run = worker_->current_run();
  try {
    auto store = Store::Open(options_.config.db);
    if (run > 0) store->FinishRun(run, RunState::kInterrupted);
    // Handed back at once, not when the lease lapses: another worker may
    // take it now.
    if (job > 0) store->FinishJob(job, membership_->id(), JobState::kQueued, "");
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "daemon.stop_error", {{"error", e.what()}});
  }
  // The process exits without destructors: leave the workers table (row
  // and host slots) now, not a lease later. The detached worker may still
  // ask the membership for its lease, which stays.
  membership_->Leave();
  Log(LogLevel::kWarn, "daemon.stopped", {{"abandoned_run", std::to_string(run)}});
  worker_thread_.detach();
  return false;
}

}  // namespace citecheck
