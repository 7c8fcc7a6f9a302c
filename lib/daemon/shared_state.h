// State the daemon's threads share: the current config (replaced on SIGHUP)
// and a pool of store connections for the API threads (a Store is one
// connection and not thread-safe).
#ifndef CITECHECK_DAEMON_SHARED_STATE_H_
#define CITECHECK_DAEMON_SHARED_STATE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace citecheck {

class SharedConfig {
 public:
  explicit SharedConfig(Config config) : config_(std::make_shared<const Config>(std::move(config))) {}
  std::shared_ptr<const Config> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return config_;
  }
  void Set(Config config) {
    auto next = std::make_shared<const Config>(std::move(config));
    std::lock_guard<std::mutex> lock(mu_);
    config_ = std::move(next);
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const Config> config_;
};

// Connections are opened on demand and returned after each request.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Lease(Lease&&) = default;
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // Throws StoreError when the database cannot be opened.
  Lease Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        auto store = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(store));
      }
    }
    return Lease(this, Store::Open(path_));
  }

 private:
  void Return(std::unique_ptr<Store> store) {
    // A connection the server closed fails every request it serves: the
    // next Acquire opens a new one instead (the server came back, or the
    // request fails with the reason).
    if (store->Broken()) return;
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(store));
  }

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_SHARED_STATE_H_
