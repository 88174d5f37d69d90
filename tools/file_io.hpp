// File access for the command line: whole-file reads and all-or-nothing writes.
//
// write_file_atomically writes to a temporary file next to the target and renames it into place,
// so a reader never sees a half-written file and a failure leaves no partial output behind.
// The path "-" is standard input for read_file and standard output for write_file_atomically;
// messages call it <stdin> / <stdout> (display_name).
#pragma once

#include <string>
#include <vector>

namespace staffsim::tools {

// The path that stands for standard input or output.
inline constexpr const char* kStandardStream = "-";
inline bool is_standard_stream(const std::string& path) {
  return path == kStandardStream;
}
// How messages name a path: "<stdin>" for "-", else the path itself.
std::string display_name(const std::string& path);

// Reads a whole file ("-": standard input); throws IoError naming the path and the reason.
std::string read_file(const std::string& path);

// Writes content to path via a temporary file and rename(2); throws IoError on failure and
// removes the temporary file. "-" writes to standard output.
void write_file_atomically(const std::string& path, const std::string& content);

// Writes several files all-or-nothing: every content goes to a temporary first, and only when all
// temporaries are written are they renamed into place; the files they replace are kept aside until
// every one is in place, and a failure (a folder in the way, say) puts them all back.
struct PendingFile {
  std::string path;
  std::string content;
};
void write_files_atomically(const std::vector<PendingFile>& files);

// Writes a command's output files all-or-nothing (write_files_atomically), first creating the
// folder an --out names (and its parents) when `out_dir` is not empty; IoError when it cannot, or
// a file of that name is in the way. Does nothing without files.
void write_output_files(const std::string& out_dir, const std::vector<PendingFile>& files);

}  // namespace staffsim::tools
