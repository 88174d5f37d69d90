// Random streams of the simulator: xoshiro256** generators seeded by name.
//
// Every source of randomness (arrivals, handle times, patience, day busyness of one contact type)
// has its own stream, seeded from (scenario seed, replication index, stream name):
//   x = SplitMix64 step from the seed; x = SplitMix64 step from x XOR replication;
//   x = SplitMix64 step from x XOR FNV-1a-64(name); the four state words of xoshiro256** are the
//   next four SplitMix64 outputs from x.
// The name, not the declaration order, identifies a stream, so adding a contact type or a group
// leaves every other stream unchanged (common random numbers across plans).
//
// Keyed draws. A draw that belongs to an issue (its required authority, whether a contact resolves
// it, whether and when the customer calls again, the handle time of each leg, hold patience,
// call-back reach) must not depend on the order in which events happen, because that order
// changes with staffing. Such draws come from RandomStream::keyed(base, key, attempt): a fresh
// generator seeded from the stream's base (stream_base(seed, replication, name): the first two
// steps above), the key and the attempt number, mixed by SplitMix64. Two plans of one
// scenario therefore draw the same values for the same issue and attempt (common random numbers).
//
// uniform() returns a double in [0, 1) with 53 random bits; exponential() uses the inverse
// transform -log(1 - U), exact up to double rounding. RandomStream also satisfies the
// UniformRandomBitGenerator requirements (64-bit), so Boost.Random distributions accept it.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace staffsim::sim {

// One SplitMix64 step: advances `state` and returns the next output.
inline std::uint64_t splitmix64_next(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a 64-bit hash of a byte string.
constexpr std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The seed word of the stream named `name` of replication `replication` under scenario seed
// `seed`: its four state words are the next SplitMix64 outputs from it.
inline std::uint64_t stream_base(std::uint64_t seed, std::uint64_t replication,
                                 std::string_view name) {
  std::uint64_t x = seed;
  x = splitmix64_next(x) ^ replication;
  return splitmix64_next(x) ^ fnv1a_64(name);
}

class RandomStream {
 public:
  using result_type = std::uint64_t;

  // The stream named `name` of replication `replication` under scenario seed `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name) {
    std::uint64_t x = stream_base(seed, replication, name);
    for (auto& word : state_) word = splitmix64_next(x);
  }

  // The generator of draw `attempt` of item `key` in the stream whose base is `base`.
  static RandomStream keyed(std::uint64_t base, std::uint64_t key, std::uint64_t attempt) {
    RandomStream stream;
    std::uint64_t x = base;
    x = splitmix64_next(x) ^ key;
    x = splitmix64_next(x) ^ attempt;
    for (auto& word : stream.state_) word = splitmix64_next(x);
    return stream;
  }

  // A generator in the given xoshiro256** state (not all zero); for tests against the reference.
  static RandomStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                 std::uint64_t s3) {
    RandomStream stream;
    stream.state_[0] = s0;
    stream.state_[1] = s1;
    stream.state_[2] = s2;
    stream.state_[3] = s3;
    return stream;
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  // xoshiro256** (Blackman and Vigna, 2018).
  result_type operator()() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform on [0, 1), multiples of 2^-53.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

  // Exponential with mean 1.
  double exponential() { return -std::log1p(-uniform()); }

 private:
  RandomStream() = default;
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4] = {};
};

}  // namespace staffsim::sim
