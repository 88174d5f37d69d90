// The future-event list of the simulator: a binary min-heap of plain events ordered by
// (time, kind, insertion sequence).
//
// `kind` is a small integer chosen by the model; at equal times the smaller kind goes first, and
// events of one kind at the same time leave in the order they were pushed. The ordering is
// therefore total and deterministic. Events are 24-byte values; push and pop allocate only when
// the heap outgrows its capacity (reserve() up front to avoid that). Times are in seconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace staffsim::sim {

struct Event {
  double time_s = 0;
  std::uint64_t order = 0;    // kind in the top 8 bits, insertion sequence in the low 56 bits
  std::uint32_t subject = 0;  // model-defined (a contact id)
  std::uint32_t tag = 0;      // model-defined (a generation counter)

  unsigned kind() const { return static_cast<unsigned>(order >> 56); }
};

class EventQueue {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }
  void clear() {
    heap_.clear();
    sequence_ = 0;
  }

  void push(double time_s, unsigned kind, std::uint32_t subject, std::uint32_t tag) {
    Event e{time_s, (static_cast<std::uint64_t>(kind) << 56) | sequence_++, subject, tag};
    std::size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > 0) {
      std::size_t parent = (hole - 1) / 2;
      if (!before(e, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  // Removes and returns the first event. Precondition: !empty().
  Event pop() {
    Event first = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n > 0) {
      std::size_t hole = 0;
      for (;;) {
        std::size_t child = 2 * hole + 1;
        if (child >= n) break;
        if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
        if (!before(heap_[child], last)) break;
        heap_[hole] = heap_[child];
        hole = child;
      }
      heap_[hole] = last;
    }
    return first;
  }

  static bool before(const Event& a, const Event& b) {
    return a.time_s < b.time_s || (a.time_s == b.time_s && a.order < b.order);
  }

 private:
  std::vector<Event> heap_;
  std::uint64_t sequence_ = 0;
};

}  // namespace staffsim::sim
