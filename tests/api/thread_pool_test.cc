// The decoder's worker pool (src/threading): runs everything it is given,
// on several threads, and shuts down cleanly.
#include "src/threading/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace hav1 {
namespace {

TEST(ThreadPool, RunsEverySubmittedTask) {
  ThreadPool pool(4);
  EXPECT_EQ(pool.num_threads(), 4);
  std::atomic<int> sum{0};
  for (int i = 1; i <= 1000; ++i) pool.Submit([&sum, i] { sum += i; });
  pool.WaitIdle();
  EXPECT_EQ(sum, 500500);
  // Reusable after WaitIdle.
  pool.Submit([&sum] { sum = -1; });
  pool.WaitIdle();
  EXPECT_EQ(sum, -1);
}

TEST(ThreadPool, ZeroMeansHardwareConcurrency) {
  ThreadPool pool(0);
  const int hc = static_cast<int>(std::thread::hardware_concurrency());
  EXPECT_EQ(pool.num_threads(), hc > 0 ? hc : 1);
}

TEST(ThreadPool, UsesSeveralThreads) {
  ThreadPool pool(3);
  std::mutex m;
  std::set<std::thread::id> ids;
  std::atomic<int> arrived{0};
  // Three tasks that wait for each other can only finish on three threads.
  for (int i = 0; i < 3; ++i) {
    pool.Submit([&] {
      arrived++;
      while (arrived < 3) std::this_thread::yield();
      std::lock_guard<std::mutex> lock(m);
      ids.insert(std::this_thread::get_id());
    });
  }
  pool.WaitIdle();
  EXPECT_EQ(ids.size(), 3u);
}

TEST(ThreadPool, ParallelForCoversEveryIndexOnce) {
  for (int threads : {1, 2, 5}) {
    ThreadPool pool(threads);
    for (int count : {0, 1, 7, 100}) {
      std::vector<std::atomic<int>> hits(static_cast<size_t>(count));
      pool.ParallelFor(count, [&hits](int i) { hits[static_cast<size_t>(i)]++; });
      for (int i = 0; i < count; ++i) EXPECT_EQ(hits[static_cast<size_t>(i)], 1) << i;
    }
  }
}

TEST(ThreadPool, DestructorFinishesQueuedTasks) {
  std::atomic<int> done{0};
  {
    ThreadPool pool(2);
    for (int i = 0; i < 100; ++i) pool.Submit([&done] { done++; });
  }
  EXPECT_EQ(done, 100);
}

}  // namespace
}  // namespace hav1
