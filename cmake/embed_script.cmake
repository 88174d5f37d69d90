# Generates a C++ source that holds a JavaScript file as bytes, for an inline <script> element.
# Run at build time: cmake -DINPUT=<file.js> -DOUTPUT=<file.cpp> -DHEADER=<include path>
#                          -DFUNCTION=<name> -P embed_script.cmake
# The source defines, in namespace staffsim::tools,
#   std::string_view <FUNCTION>();          the file's bytes, exactly
#   std::string_view <FUNCTION>_version();  the version its first comment names ("3.9.1"), or ""
# Bytes rather than a string literal: no delimiter or character set can break them, and no
# compiler limit on the length of a literal applies. The file must not contain "</script" or
# "<!--" (in any case): inside an HTML <script> element they would end it or change its parsing.
foreach(var INPUT OUTPUT HEADER FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_script.cmake: ${var} is not set")
  endif()
endforeach()

file(READ "${INPUT}" text)
if(text STREQUAL "")
  message(FATAL_ERROR "${INPUT} is empty")
endif()
string(TOLOWER "${text}" lower)
foreach(forbidden "</script" "<!--")
  string(FIND "${lower}" "${forbidden}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${INPUT} contains \"${forbidden}\" at byte ${at}: it cannot be embedded "
                        "in an HTML <script> element as it is")
  endif()
endforeach()
set(version "")
if(text MATCHES "^/\\*![^\n]*\n[^\n]* v([0-9]+\\.[0-9]+\\.[0-9]+)")
  set(version "${CMAKE_MATCH_1}")
endif()

file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
# 0x2f,0x2a,... with a line break after every 32 bytes.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REPEAT "0x..," 32 row)
string(REGEX REPLACE "(${row})" "\\1\n" bytes "${bytes}")

file(WRITE "${OUTPUT}" "// Generated at build time by cmake/embed_script.cmake from
// ${INPUT} (${size} bytes). Do not edit.
#include \"${HEADER}\"

namespace staffsim::tools {
namespace {
constexpr unsigned char kBytes[${size}] = {
${bytes}
};
}  // namespace

std::string_view ${FUNCTION}() {
  return {reinterpret_cast<const char*>(kBytes), sizeof kBytes};
}

std::string_view ${FUNCTION}_version() {
  return \"${version}\";
}

}  // namespace staffsim::tools
")
