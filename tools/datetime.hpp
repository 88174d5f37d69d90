// Reading and writing ISO 8601 local date-times ("2003-03-03T07:00:00", also "2003-03-03 07:00",
// seconds optional) and dates ("2003-03-03") as local seconds (see models/calendar.hpp). No zone
// or offset is accepted: contact-centre data are in the centre's local clock time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace staffsim::tools {

// Throws staffsim::InvalidInput: expected an ISO 8601 local date-time such as
// 2003-03-03T07:00:00, found "...".
std::int64_t parse_local_datetime(std::string_view text);
// A date at midnight, in local seconds. Throws InvalidInput.
std::int64_t parse_local_date(std::string_view text);

std::string format_local_datetime(std::int64_t local_seconds);  // "2003-03-03T07:00:00"
std::string format_local_date(std::int64_t local_seconds);      // "2003-03-03"

}  // namespace staffsim::tools
