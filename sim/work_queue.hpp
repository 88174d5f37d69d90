// Work items and the queues they wait in.
//
// A work item is one piece of work for one agent: an inbound contact, a transfer leg, a work
// order, a call-back, an audit. Items live in a pool and are recycled through a free list, so
// memory follows the number of items alive at once, not the number simulated. A waiting item is
// linked into its queue by index (prev/next), so it leaves the queue in O(1) wherever it stands.
//
// A queue is kept in order of (key, serial): the key is the time the queue orders by (the arrival
// time for first-come-first-served), the serial the generation order, the last tie-break. Items
// usually join at the tail, so insertion searches from the tail and is O(1) for a FIFO queue.
// `generation` changes whenever an item leaves a queue: timed events scheduled for a waiting item
// (abandonment, overflow) carry the generation they were made for and are ignored once it changed.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace staffsim::sim {

inline constexpr std::uint32_t kNoItem = std::numeric_limits<std::uint32_t>::max();

enum class ItemState : std::uint8_t { free, waiting, in_service };

// What a work item is: a customer's inbound contact, a customer transferred on hold, a work order,
// a call-back to make, or audit work.
enum class WorkKind : std::uint8_t { inbound, transfer, work_order, callback, audit };

struct WorkItem {
  double arrival_s = 0;  // when it joined its queue (the wait is measured from here)
  double key_s = 0;      // queue order: arrival_s, or its deadline (earliest deadline first)
  double handle_s = 0;
  double patience_s = 0;
  double created_s = 0;        // work orders: when created (their age)
  std::uint64_t serial = 0;    // generation order within the replication
  std::int32_t interval = -1;  // horizon interval of the contact it comes from; -1: warm-up
  std::uint32_t type = 0;      // contact type
  std::uint32_t queue = 0;     // queue it waits in (or waited in)
  std::uint32_t prev = kNoItem;
  std::uint32_t next = kNoItem;  // next in queue, or next free record
  std::uint32_t generation = 0;
  std::int32_t group = -1;        // serving group
  std::uint32_t next_delay = 0;   // index of the next overflow delay to expire
  std::uint32_t issue = kNoItem;  // the issue it belongs to
  std::int16_t holder = -1;       // warm transfer: group of the first agent, still on the line
  std::int16_t path = -1;         // escalation path (of its type) it follows
  std::uint16_t attempts = 0;     // call-back: attempts made
  WorkKind kind = WorkKind::inbound;
  ItemState state = ItemState::free;
  bool reached = false;  // call-back: this attempt reached the customer
};

struct WorkQueue {
  std::uint32_t head = kNoItem;
  std::uint32_t tail = kNoItem;
  std::int64_t length = 0;
};

class WorkPool {
 public:
  WorkItem& operator[](std::uint32_t id) { return items_[id]; }
  const WorkItem& operator[](std::uint32_t id) const { return items_[id]; }
  std::size_t size() const { return items_.size(); }
  void clear() {
    items_.clear();
    free_head_ = kNoItem;
  }

  std::uint32_t allocate() {
    if (free_head_ != kNoItem) {
      const std::uint32_t id = free_head_;
      free_head_ = items_[id].next;
      return id;
    }
    items_.emplace_back();
    return static_cast<std::uint32_t>(items_.size() - 1);
  }

  // Frees item `id`; its generation changes, so timers made for it never fire on the next item
  // that reuses the record.
  void release(std::uint32_t id) {
    WorkItem& item = items_[id];
    ++item.generation;
    item.state = ItemState::free;
    item.next = free_head_;
    free_head_ = id;
  }

  // Links item `id` into `q` in (key, serial) order and marks it waiting.
  void push(WorkQueue& q, std::uint32_t id) {
    WorkItem& item = items_[id];
    std::uint32_t after = q.tail;
    while (after != kNoItem && goes_before(item, items_[after])) after = items_[after].prev;
    item.prev = after;
    item.next = after == kNoItem ? q.head : items_[after].next;
    if (item.prev != kNoItem) {
      items_[item.prev].next = id;
    } else {
      q.head = id;
    }
    if (item.next != kNoItem) {
      items_[item.next].prev = id;
    } else {
      q.tail = id;
    }
    item.state = ItemState::waiting;
    ++q.length;
  }

  // Unlinks waiting item `id` from `q`; its generation changes (pending timers become stale).
  void unlink(WorkQueue& q, std::uint32_t id) {
    WorkItem& item = items_[id];
    if (item.prev != kNoItem) {
      items_[item.prev].next = item.next;
    } else {
      q.head = item.next;
    }
    if (item.next != kNoItem) {
      items_[item.next].prev = item.prev;
    } else {
      q.tail = item.prev;
    }
    item.prev = item.next = kNoItem;
    item.state = ItemState::in_service;
    ++item.generation;
    --q.length;
  }

  static bool goes_before(const WorkItem& a, const WorkItem& b) {
    return a.key_s < b.key_s || (a.key_s == b.key_s && a.serial < b.serial);
  }

 private:
  std::vector<WorkItem> items_;
  std::uint32_t free_head_ = kNoItem;
};

}  // namespace staffsim::sim
