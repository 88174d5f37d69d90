#include <gtest/gtest.h>

#include <vector>

#include "sim/event_queue.hpp"

namespace staffsim::sim {
namespace {

TEST(SimEventQueue, OrdersByTimeThenKindThenInsertion) {
  EventQueue queue;
  queue.push(5.0, 2, 1, 0);
  queue.push(1.0, 3, 2, 0);
  queue.push(5.0, 1, 3, 0);
  queue.push(5.0, 2, 4, 0);
  queue.push(0.5, 9, 5, 0);
  queue.push(5.0, 1, 6, 0);
  std::vector<std::uint32_t> order;
  while (!queue.empty()) order.push_back(queue.pop().subject);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{5, 2, 3, 6, 1, 4}));
}

TEST(SimEventQueue, CarriesKindAndTag) {
  EventQueue queue;
  queue.push(2.0, 3, 11, 42);
  const Event e = queue.pop();
  EXPECT_EQ(e.time_s, 2.0);
  EXPECT_EQ(e.kind(), 3u);
  EXPECT_EQ(e.subject, 11u);
  EXPECT_EQ(e.tag, 42u);
}

// Against a sorted reference: many pseudo-random times with many ties.
TEST(SimEventQueue, MatchesSortedReferenceWithTies) {
  EventQueue queue;
  struct Item {
    double time;
    unsigned kind;
    std::uint32_t id;
  };
  std::vector<Item> items;
  std::uint32_t x = 12345;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    const double time = static_cast<double>((x >> 16) % 200);
    const unsigned kind = (x >> 8) % 4;
    items.push_back({time, kind, i});
    queue.push(time, kind, i, 0);
    if (i % 3 == 0) {  // interleave pops with pushes
      const Event e = queue.pop();
      Item best = items.front();
      std::size_t best_index = 0;
      for (std::size_t j = 1; j < items.size(); ++j) {
        const Item& it = items[j];
        if (it.time < best.time || (it.time == best.time && it.kind < best.kind) ||
            (it.time == best.time && it.kind == best.kind && it.id < best.id)) {
          best = it;
          best_index = j;
        }
      }
      ASSERT_EQ(e.subject, best.id);
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(best_index));
    }
  }
  EXPECT_EQ(queue.size(), items.size());
}

}  // namespace
}  // namespace staffsim::sim
