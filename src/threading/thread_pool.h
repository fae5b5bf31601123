// A small pool of worker threads owned by one decoder instance.  It knows
// nothing of AV1: it runs closures.  Tile and superblock-row jobs of the
// frame decoder will be submitted here.
#ifndef HAV1_SRC_THREADING_THREAD_POOL_H_
#define HAV1_SRC_THREADING_THREAD_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hav1 {

class ThreadPool {
 public:
  // Starts num_threads workers; 0 means std::thread::hardware_concurrency()
  // (at least 1).  Throws std::system_error if a thread cannot be started
  // (the caller, the C API, turns that into an error code).
  explicit ThreadPool(int num_threads);
  ~ThreadPool();  // finishes queued tasks, then joins the workers
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int num_threads() const { return static_cast<int>(workers_.size()); }

  // Queues a task; it runs on some worker thread.  Tasks must not throw.
  void Submit(std::function<void()> task);

  // Blocks until every task submitted so far has finished.
  void WaitIdle();

  // Runs fn(0) .. fn(count - 1) on the workers and the calling thread and
  // returns when all have finished.
  void ParallelFor(int count, const std::function<void(int)>& fn);

 private:
  void WorkerLoop();

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;  // tasks taken from the queue and not yet finished
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace hav1

#endif  // HAV1_SRC_THREADING_THREAD_POOL_H_
