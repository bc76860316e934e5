// The service's worker pool, with a cap on connections accepted but not yet
// answered: past the cap the accepting thread waits, so further clients
// queue in the kernel's listen backlog (and are refused past it) instead of
// piling up here as open sockets and memory.
#ifndef PLAINLANG_SERVICE_BOUNDED_POOL_H_
#define PLAINLANG_SERVICE_BOUNDED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>

#include <httplib.h>

namespace plainlang {

class BoundedPool : public httplib::TaskQueue {
 public:
  // `workers` threads; at most `limit` (>= workers) tasks queued or running.
  BoundedPool(size_t workers, size_t limit) : pool_(workers), limit_(limit) {}

  // Waits while `limit` tasks are open, then queues `task`.
  void enqueue(std::function<void()> task) override {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      room_.wait(lock, [this] { return open_ < limit_; });
      ++open_;
    }
    pool_.enqueue([this, task = std::move(task)] {
      task();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        --open_;
      }
      room_.notify_one();
    });
  }

  void shutdown() override { pool_.shutdown(); }

  size_t open() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return open_;
  }

 private:
  httplib::ThreadPool pool_;
  const size_t limit_;
  mutable std::mutex mutex_;
  std::condition_variable room_;
  size_t open_ = 0;
};

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_BOUNDED_POOL_H_
