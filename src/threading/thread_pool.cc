#include "src/threading/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace hav1 {

ThreadPool::ThreadPool(int num_threads) {
  int n = num_threads;
  if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(n, 1);
  workers_.reserve(static_cast<size_t>(n));
  try {
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    throw;
  }
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ThreadPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(task));
  }
  work_ready_.notify_one();
}

void ThreadPool::WaitIdle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && running_ == 0; });
}

void ThreadPool::ParallelFor(int count, const std::function<void(int)>& fn) {
  if (count <= 0) return;
  // Shared state lives on this stack frame: we do not return before every
  // helper task has finished with it.
  struct Shared {
    std::atomic<int> next{0};
    std::mutex mutex;
    std::condition_variable done_cv;
    int helpers_left = 0;
  } shared;
  auto run_items = [&shared, &fn, count] {
    for (int i = shared.next.fetch_add(1); i < count; i = shared.next.fetch_add(1)) fn(i);
  };
  const int helpers = std::min(count - 1, num_threads());
  shared.helpers_left = helpers;
  for (int h = 0; h < helpers; ++h) {
    Submit([&shared, run_items] {
      run_items();
      std::lock_guard<std::mutex> lock(shared.mutex);
      if (--shared.helpers_left == 0) shared.done_cv.notify_all();
    });
  }
  run_items();
  std::unique_lock<std::mutex> lock(shared.mutex);
  shared.done_cv.wait(lock, [&shared] { return shared.helpers_left == 0; });
}

void ThreadPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping and nothing left to do
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    task();
    lock.lock();
    --running_;
    if (queue_.empty() && running_ == 0) idle_.notify_all();
  }
}

}  // namespace hav1
