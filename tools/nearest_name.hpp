// "Did you mean ...?": the valid name nearest to a mistyped one, for messages about unknown
// subcommands, flags and values.
//
// Distance: the optimal-string-alignment edit distance (insertions, deletions, substitutions and
// swaps of two neighbouring characters each count 1), ignoring case. A name is suggested only when
// it is clearly the one meant: at most 1 edit for names of up to 4 characters, at most a third of
// the length (rounded down) for longer ones, and strictly nearer than every other valid name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace staffsim::tools {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The name of `valid` the rule above suggests for `text`, or nullopt.
std::optional<std::string> nearest_name(std::string_view text,
                                        const std::vector<std::string>& valid);

// ", did you mean \"profile\"?" when a name is near, else "": for the end of a message.
std::string did_you_mean(std::string_view text, const std::vector<std::string>& valid);

}  // namespace staffsim::tools
