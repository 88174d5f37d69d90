// File access for the command line: whole-file reads and all-or-nothing writes.
//
// write_file_atomically writes to a temporary file next to the target and renames it into place,
// so a reader never sees a half-written file and a failure leaves no partial output behind.
// The path "-" is standard input for read_file and standard output for write_file_atomically;
// messages call it <stdin> / <stdout> (display_name).
#pragma once

#include <cstddef>
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

// Input files (scenarios, histories, call logs, staffing and forecast files) are read whole: at
// most 1 GiB (the Israeli bank's call log holds 50,000 calls in 6.7 MB: 1 GiB is 8 million calls).
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{1} << 30;

// Reads a whole file ("-": standard input); throws IoError naming the path and the reason, or when
// it is larger than kMaxInputFileBytes.
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

// Ctrl-C (SIGINT) and SIGTERM. Every command keeps its results in memory until it writes them at
// the end, so until then a signal ends the process at once ("staffsim: interrupted: nothing was
// written", exit code 128 + the signal: 130 for Ctrl-C, 143 for SIGTERM). While files are being
// written the signal waits: it ends the process after the temporaries are removed (before any file
// is renamed into place) or, once renaming has begun, after every file is in place. Also ignores
// SIGXFSZ, so that a file-size limit (ulimit -f) fails the write with a message instead of killing
// the process. Call once, first thing in main().
void install_interrupt_handlers();

// Writes a command's output files all-or-nothing (write_files_atomically), first creating the
// folder an --out names (and its parents) when `out_dir` is not empty; IoError when it cannot, or
// a file of that name is in the way. Does nothing without files.
void write_output_files(const std::string& out_dir, const std::vector<PendingFile>& files);

}  // namespace staffsim::tools
